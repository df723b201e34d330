using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class PaddingTests
{
    [Fact]
    public void Pad2d_surrounds_each_plane_with_the_value()
    {
        var x = Tensor.FromArray([1, 2, 3, 4], 1, 2, 2);
        var y = x.Pad2d(1, 0, 0, 1, value: -1f);
        Assert.Equal(new[] { 1, 3, 3 }, y.Shape.ToArray());
        Assert.Equal(new[] { -1f, 1, 2, -1, 3, 4, -1, -1, -1 }, y.Data);
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var rng = new Rng(seed: 9);
        GradCheck.Assert(t => t[0].Pad2d(2, 1, 0, 3), Tensor.Randn(rng, 2, 3, 4, 5));
    }
}
