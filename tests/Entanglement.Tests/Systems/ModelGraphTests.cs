using Entanglement.Tensors.Ops;
using Entanglement.Systems;
using Entanglement.Tensors;

namespace Entanglement.Tests.Systems;

public sealed class ModelGraphTests
{
    private static readonly Tensor NoTargets = Tensor.Zeros(4, 1);

    private static Vertex Fixed(string name, Predictor predictor, params string[] parents) => new()
    {
        Name = name,
        Parents = parents,
        Train = _ => predictor,
        TrainingSet = Data(),
        TestSet = Data(),
        Loss = TestLoss.Mse,
    };

    private static VertexData Data() => new VertexData(NoTargets, new Dictionary<string, Tensor>())
        .WithPart("u", Tensor.FromArray([1f, 2, 3, 4], 4, 1))
        .WithPart("v", Tensor.FromArray([10f, 20, 30, 40], 4, 1));

    [Fact]
    public void Vertices_come_in_topological_order_with_ancestors_and_descendants()
    {
        // Figure 1 of the paper plus a grandchild: u → w, v → w, w → z; listed child-first on purpose.
        var graph = new ModelGraph([
            Fixed("z", x => x, "w"), Fixed("w", x => x, "u", "v"), Fixed("u", x => x), Fixed("v", x => x)]);

        Assert.Equal(["u", "v", "w", "z"], graph.Vertices.Select(v => v.Name));
        Assert.Equal(["w", "z"], graph.DescendantsOf("u"));
        Assert.Equal(["u", "v", "w"], graph.AncestorsOf("z"));
        Assert.Equal(["w"], graph.ChildrenOf("v"));
    }

    [Fact]
    public void Cycles_are_rejected_naming_the_cycle()
    {
        var error = Assert.Throws<ArgumentException>(() => new ModelGraph([
            Fixed("s", x => x), Fixed("a", x => x, "s", "c"), Fixed("b", x => x, "a"), Fixed("c", x => x, "b")]));
        Assert.Contains("cycle", error.Message, StringComparison.Ordinal);
        Assert.Matches("(a -> b -> c -> a)|(b -> c -> a -> b)|(c -> a -> b -> c)", error.Message);

        var self = Assert.Throws<ArgumentException>(() => new ModelGraph([Fixed("u", x => x, "u")]));
        Assert.Contains("u -> u", self.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new ModelGraph([Fixed("w", x => x, "ghost")]));
    }

    [Fact]
    public void A_child_input_is_its_own_part_then_its_parents_outputs()
    {
        Tensor? seen = null;
        var w = Fixed("w", x => x, "u") with
        {
            Train = input =>
            {
                seen = input.Inputs;
                return x => x;
            },
            TrainingSet = Data().WithPart("w", Tensor.FromArray([5f, 6, 7, 8, 9, 10, 11, 12], 4, 2)),
        };
        new ModelGraph([Fixed("u", x => x * 2f), w]).Train(new Rng(seed: 1));

        Assert.NotNull(seen);
        Assert.Equal(new[] { 4, 3 }, seen.Shape.Dims.ToArray());
        Assert.Equal([5f, 6, 2, 7, 8, 4, 9, 10, 6, 11, 12, 8], seen.Data);
    }

    [Fact]
    public void No_gradient_flows_from_a_child_into_its_parent()
    {
        var weight = Tensor.FromArray([3f], 1, 1);
        weight.RequiresGrad = true;
        Tensor? childInput = null;
        var u = Fixed("u", x => x.Matmul(weight));
        var w = Fixed("w", x => x, "u") with
        {
            Train = input =>
            {
                childInput = input.Inputs;
                var own = Tensor.FromArray([1f], 1, 1);
                own.RequiresGrad = true;
                input.Inputs.Matmul(own).Square().Sum().Backward();
                Assert.NotNull(own.Grad);
                return x => x;
            },
        };

        new ModelGraph([u, w]).Train(new Rng(seed: 1));

        Assert.NotNull(childInput);
        Assert.False(childInput.RequiresGrad);
        Assert.Null(weight.Grad);
        Assert.Equal([3f, 6, 9, 12], childInput.Data);
    }

    [Fact]
    public void Update_retrains_the_vertex_and_its_descendants_only_and_evaluates_before_and_after()
    {
        var trainings = new List<string>();
        Vertex Counted(string name, Predictor predictor, params string[] parents) =>
            Fixed(name, predictor, parents) with
            {
                Train = input =>
                {
                    trainings.Add(input.Vertex);
                    return predictor;
                },
            };

        // u → w ← v; the test targets of w are zero, so ℓ_w is the mean square of u's output.
        var graph = new ModelGraph([
            Counted("u", x => x), Counted("v", x => x), Counted("w", x => x.Sum(axis: 1, keepDim: true), "u", "v")]);
        var system = graph.Train(new Rng(seed: 2));
        Assert.Equal(["u", "v", "w"], trainings);
        trainings.Clear();

        var replacement = graph["u"] with
        {
            Train = input =>
            {
                trainings.Add(input.Vertex + "'");
                return x => x * 0f;
            },
        };
        var update = graph.Update(system, replacement, new Rng(seed: 2));

        Assert.Equal(["u'", "w"], trainings);
        Assert.Equal(["w"], update.Descendants);
        Assert.Equal((1.0 + 4 + 9 + 16) / 4, update.LossesBefore["u"], 12);
        Assert.Equal(0.0, update.LossesAfter["u"], 12);
        Assert.Equal(update.LossesBefore["v"], update.LossesAfter["v"], 12);
        Assert.Equal((121.0 + 484 + 1089 + 1936) / 4, update.LossesBefore["w"], 12);
        Assert.Equal((100.0 + 400 + 900 + 1600) / 4, update.LossesAfter["w"], 12);
        Assert.Same(system.PredictorOf("v"), update.After.PredictorOf("v"));
        Assert.False(update.IsSelfDefeating);
    }

    [Fact]
    public void Replace_keeps_parents_test_set_and_test_loss_fixed()
    {
        var graph = new ModelGraph([Fixed("u", x => x), Fixed("w", x => x, "u")]);

        Assert.Throws<ArgumentException>(() => graph.Replace(graph["w"] with { Parents = [] }));
        Assert.Throws<ArgumentException>(() => graph.Replace(graph["u"] with { TestSet = Data() }));
        Assert.Throws<ArgumentException>(() => graph.Replace(graph["u"] with { Loss = TestLoss.ZeroOne }));
        Assert.Equal("u", graph.Replace(graph["u"] with { TrainingSet = Data() })["u"].Name);
    }
}
