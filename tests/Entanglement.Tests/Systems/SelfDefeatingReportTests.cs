using Entanglement.Systems;
using Entanglement.Tensors;

namespace Entanglement.Tests.Systems;

/// <summary>
/// Definition 2.1 on a hand-made two-vertex system: x ∈ {1, 2, 3, 4}; upstream u regresses x (MSE); downstream w
/// learns a threshold on u's output to classify x &gt; 2.5 (zero-one error). u(x) = 2x + ε is a poor regressor that
/// keeps the classes apart; u′(x) = 2.5 + ε has a lower MSE but erases the classes; u″(x) = x + ε is better at both.
/// </summary>
public sealed class SelfDefeatingReportTests
{
    private static readonly Tensor X = Tensor.FromArray([1f, 2, 3, 4], 4, 1);
    private static readonly VertexData UpstreamData = VertexData.Of("u", X, X);
    private static readonly VertexData DownstreamData = VertexData.Of("u", X, Tensor.FromArray([0f, 0, 1, 1], 4));

    private static Vertex Upstream(Func<float, float, float> model) => new()
    {
        Name = "u",
        Train = input =>
        {
            var noise = (float)(0.01 * input.Rng.NextNormal());
            return x => Tensor.FromArray(x.Data.Select(v => model(v, noise)).ToArray(), x.Shape[0], 1);
        },
        TrainingSet = UpstreamData,
        TestSet = UpstreamData,
        Loss = TestLoss.Mse,
    };

    // Chooses the threshold (midpoint between sorted training inputs) with the fewest training errors.
    private static readonly Vertex Downstream = new()
    {
        Name = "w",
        Parents = ["u"],
        Train = input =>
        {
            var z = input.Inputs.Data;
            var y = input.Targets.Data;
            var sorted = z.Order().ToArray();
            var candidates = sorted.Zip(sorted.Skip(1), (a, b) => (a + b) / 2).Append(sorted[0] - 1).ToArray();
            var best = candidates.MinBy(c => z.Select((v, i) => (v > c ? 1f : 0f) != y[i] ? 1 : 0).Sum());
            return x => Tensor.FromArray(x.Data.Select(v => v > best ? 1f : 0f).ToArray(), x.Shape[0]);
        },
        TrainingSet = DownstreamData,
        TestSet = DownstreamData,
        Loss = TestLoss.ZeroOneOfLabels,
    };

    private static SelfDefeatingReport Run(Func<float, float, float> improved)
    {
        var graph = new ModelGraph([Upstream((x, e) => (2 * x) + e), Downstream]);
        var updates = Enumerable.Range(0, 6).Select(seed =>
        {
            var rng = new Rng(seed);
            return graph.Update(graph.Train(rng), graph["u"] with { Train = Upstream(improved).Train }, rng);
        }).ToList();
        return SelfDefeatingReport.Of(updates);
    }

    [Fact]
    public void Improvement_that_erases_the_classes_is_self_defeating_and_significant()
    {
        var report = Run((_, e) => 2.5f + e);

        Assert.True(report.Improves);
        Assert.Equal(7.5, report.Updated.Test.Before.Mean, tolerance: 0.05);
        Assert.Equal(1.25, report.Updated.Test.After.Mean, tolerance: 0.05);
        var w = Assert.Single(report.WorsenedDescendants);
        Assert.Equal("w", w.Vertex);
        Assert.Equal(0.0, w.Test.Before.Mean);
        Assert.Equal(0.5, w.Test.After.Mean);
        Assert.True(report.IsSelfDefeating);
        Assert.True(report.IsSignificant);
        Assert.Contains("self-defeating improvement (significant at 0.05)", report.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Improvement_that_keeps_the_classes_is_not_self_defeating()
    {
        var report = Run((x, e) => x + e);

        Assert.True(report.Improves);
        Assert.True(report.Updated.IsSignificantlyBetter);
        Assert.Empty(report.WorsenedDescendants);
        Assert.False(report.IsSelfDefeating);
        Assert.False(report.IsSignificant);
    }

    [Fact]
    public void A_noisy_downstream_change_is_self_defeating_on_the_means_but_not_significant()
    {
        var report = SelfDefeatingReport.Of(
            new LossSamples("u", [0.50, 0.52, 0.48], [0.30, 0.31, 0.29]),
            [new LossSamples("w", [0.10, 0.20, 0.15], [0.12, 0.22, 0.14])]);

        Assert.True(report.IsSelfDefeating);
        Assert.False(report.IsSignificant);
        Assert.True(report.Descendants[0].Test.PValue > 0.5);
    }
}
