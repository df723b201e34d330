using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class ExtremaTests
{
    [Fact]
    public void Max_and_Argmax_take_the_first_maximum()
    {
        var x = Tensor.FromArray([1, 7, 7, 4, 2, 0], 2, 3);
        Assert.Equal(new[] { 1, 0 }, x.Argmax(1));
        Assert.Equal(new float[] { 7, 4 }, x.Max(1).Data);
        Assert.Equal(new[] { 1, 0, 0 }, x.Argmax(0));
    }

    [Fact]
    public void Max_backward_matches_finite_differences()
    {
        GradCheck.Assert(x => x[0].Max(1), Tensor.Randn(new Rng(seed: 1234), 3, 4));
    }
}
