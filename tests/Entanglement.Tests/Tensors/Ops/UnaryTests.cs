using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class UnaryTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Rng(seed), shape);

    [Fact]
    public void Unary_ops_backward_match_finite_differences()
    {
        GradCheck.Assert(x => x[0].Exp(), R(1, 3, 4));
        GradCheck.Assert(x => x[0].Sigmoid(), R(2, 3, 4));
        GradCheck.Assert(x => x[0].Tanh(), R(3, 3, 4));
        GradCheck.Assert(x => x[0].Square(), R(4, 5));
        GradCheck.Assert(x => x[0].Log(), (R(5, 3, 4).Abs() + 0.5f).Detach());
        GradCheck.Assert(x => x[0].Sqrt(), (R(6, 3, 4).Abs() + 0.5f).Detach());
    }

    [Fact]
    public void ReLU_backward_matches_finite_differences_away_from_zero()
    {
        var x = R(7, 4, 5);
        for (var i = 0; i < x.Size; i++)
        {
            x.Data[i] += x.Data[i] >= 0 ? 0.1f : -0.1f;
        }

        GradCheck.Assert(t => t[0].ReLU(), x);
    }

    [Fact]
    public void Known_values()
    {
        var x = Tensor.FromArray([-1f, 0f, 2f], 3);
        Assert.Equal(new float[] { 0f, 0f, 2f }, x.ReLU().Data);
        Assert.Equal(0.5f, x.Sigmoid().Data[1]);
        Assert.Equal(MathF.Exp(2f), x.Exp().Data[2], 5);
    }
}
