using Entanglement.NN;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors;

/// <summary>The op profile names every op of a step, counts its calls, and records only on the thread that started it.</summary>
public sealed class OpProfileTests
{
    [Fact]
    public void A_training_step_lists_each_op_with_its_calls()
    {
        var rng = new Rng(1);
        var model = new MLP(4, [8], 3, rng.Fork("m"));
        var x = Tensor.Randn(rng.Fork("x"), [5, 4]);
        IReadOnlyList<OpTime> table;
        using (var profile = OpProfile.Start())
        {
            for (var step = 0; step < 2; step++)
            {
                Functional.CrossEntropy(model.Forward(x), [0, 1, 2, 0, 1]).Backward();
            }

            table = profile.Table();
            Assert.Throws<InvalidOperationException>(() => OpProfile.Start());
        }

        Assert.NotEmpty(table);
        Assert.All(table, t => Assert.True(t.ForwardMs >= 0 && t.BackwardMs >= 0 && t.Calls > 0, t.ToString()));
        var byOp = table.ToDictionary(t => t.Op);
        Assert.Equal(4, byOp["Linear"].Calls); // two layers, two steps
        Assert.Equal(2, byOp["ReLU"].Calls);
        Assert.True(byOp["Linear"].BackwardMs > 0);
        Assert.Equal(table.OrderByDescending(t => t.ForwardMs + t.BackwardMs), table);

        using var after = OpProfile.Start();
        Assert.Empty(after.Table());
    }

    [Fact]
    public void Ops_on_other_threads_are_not_recorded()
    {
        using var profile = OpProfile.Start();
        var thread = new Thread(() => Tensor.Randn(new Rng(2), [3, 3]).ReLU());
        thread.Start();
        thread.Join();
        Assert.Empty(profile.Table());
    }
}
