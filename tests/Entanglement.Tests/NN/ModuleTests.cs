using Entanglement.NN;
using Entanglement.Tensors;

namespace Entanglement.Tests.NN;

public sealed class ModuleTests
{
    private static Sequential Net(int seed = 0)
    {
        var rng = new Rng(seed);
        return new Sequential(
            new Linear(3, 4, rng.Fork(0)),
            new BatchNorm1d(4),
            new ReLU(),
            new Sequential(new Linear(4, 2, rng.Fork(1)), new Identity()));
    }

    [Fact]
    public void NamedParameters_use_PyTorch_dotted_names_in_registration_order()
    {
        var names = Net().NamedParameters().Select(p => p.Name).ToArray();
        Assert.Equal(new[] { "0.weight", "0.bias", "1.weight", "1.bias", "3.0.weight", "3.0.bias" }, names);
        Assert.Equal(new[] { "1.running_mean", "1.running_var" }, Net().NamedBuffers().Select(b => b.Name).ToArray());
    }

    [Fact]
    public void ParameterCount_sums_every_parameter()
    {
        Assert.Equal((3 * 4) + 4 + 4 + 4 + (4 * 2) + 2, Net().ParameterCount);
    }

    [Fact]
    public void Parameters_require_grad_and_buffers_do_not()
    {
        var net = Net();
        Assert.All(net.Parameters(), p => Assert.True(p.RequiresGrad));
        Assert.All(net.NamedBuffers(), b => Assert.False(b.Tensor.RequiresGrad));
    }

    [Fact]
    public void Train_and_Eval_reach_every_child()
    {
        var net = Net();
        Assert.All(net.Modules(), m => Assert.True(m.Training));
        net.Eval();
        Assert.Equal(7, net.Modules().Count());
        Assert.All(net.Modules(), m => Assert.False(m.Training));
        net.Train();
        Assert.All(net.Modules(), m => Assert.True(m.Training));
    }

    [Fact]
    public void StateDict_is_a_copy_that_LoadStateDict_restores()
    {
        var net = Net();
        var best = net.StateDict();
        var before = net.Parameters().First().ToArray();
        net.Parameters().First().Data[0] += 1f;
        Assert.Equal(before, best["0.weight"].Data);
        net.LoadStateDict(best);
        Assert.Equal(before, net.Parameters().First().Data);
        Assert.Equal(8, best.Count);
    }

    [Fact]
    public void LoadStateDict_names_a_missing_or_misshapen_entry_and_changes_nothing()
    {
        var net = Net();
        var state = net.StateDict().ToDictionary(kv => kv.Key, kv => kv.Value);
        var original = net.Parameters().First().ToArray();
        state["0.weight"] = Tensor.Full(5f, 4, 3);
        state["3.0.bias"] = Tensor.Zeros(3);
        var ex = Assert.Throws<ArgumentException>(() => net.LoadStateDict(state));
        Assert.Contains("3.0.bias", ex.Message, StringComparison.Ordinal);
        Assert.Equal(original, net.Parameters().First().Data);

        state.Remove("3.0.bias");
        ex = Assert.Throws<ArgumentException>(() => net.LoadStateDict(state));
        Assert.Contains("missing entry '3.0.bias'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ThrowIfNonFinite_names_the_step_and_the_layer()
    {
        var net = Net();
        net.ThrowIfNonFinite(1);
        var p = net.NamedParameters().Single(p => p.Name == "3.0.weight").Tensor;
        p.Grad = Tensor.Zeros(2, 4);
        p.Grad.Data[5] = float.NaN;
        var ex = Assert.Throws<NonFiniteException>(() => net.ThrowIfNonFinite(17));
        Assert.Equal(17, ex.Step);
        Assert.Equal("3.0.weight", ex.Name);
        Assert.Equal("gradient", ex.What);
        Assert.Contains("step 17", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroGrad_drops_every_gradient()
    {
        var net = Net();
        foreach (var p in net.Parameters())
        {
            p.Grad = Tensor.Ones(p.Shape.ToArray());
        }

        net.ZeroGrad();
        Assert.All(net.Parameters(), p => Assert.Null(p.Grad));
    }

    [Fact]
    public void Registering_a_dotted_or_duplicate_name_throws()
    {
        Assert.Throws<ArgumentException>(() => new BadModule("a.b"));
        Assert.Throws<ArgumentException>(() => new BadModule("twice"));
    }

    private sealed class BadModule : Module
    {
        public BadModule(string name)
        {
            RegisterParameter("twice", Tensor.Zeros(1));
            RegisterBuffer(name, Tensor.Zeros(1));
        }

        public override Tensor Forward(Tensor input) => input;
    }
}
