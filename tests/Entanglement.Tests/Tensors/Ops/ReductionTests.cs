using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class ReductionTests
{
    [Fact]
    public void Sum_along_an_axis_matches_hand_values()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        Assert.Equal(new float[] { 5, 7, 9 }, x.Sum(0).Data);
        Assert.Equal(new float[] { 6, 15 }, x.Sum(-1).Data);
        Assert.Equal(new Shape(2, 1), x.Sum(1, keepDim: true).Shape);
        Assert.Equal(3.5f, x.Mean().Item());
    }

    [Fact]
    public void Reductions_backward_match_finite_differences()
    {
        var rng = new Rng(seed: 1234);
        GradCheck.Assert(x => x[0].Sum(1), Tensor.Randn(rng, 2, 3, 4));
        GradCheck.Assert(x => x[0].Mean(0, keepDim: true), Tensor.Randn(rng, 2, 3, 4));
        GradCheck.Assert(x => x[0].Mean(), Tensor.Randn(rng, 5, 2));
    }
}
