using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class PoolingTests
{
    private static Tensor Counting(int h, int w) => Tensor.FromArray(Enumerable.Range(0, h * w).Select(i => (float)i).ToArray(), 1, 1, h, w);

    [Fact]
    public void MaxPool_2x2_picks_window_maxima_and_routes_gradient()
    {
        var x = Tensor.FromArray([1, 5, 2, 0, 3, 4, 8, 1, 0, 0, 9, 9, -1, -2, 7, 6], 1, 1, 4, 4);
        x.RequiresGrad = true;
        var y = x.MaxPool2d(2);
        Assert.Equal(new[] { 5f, 8, 0, 9 }, y.Data);
        y.Sum().Backward();
        // Ties go to the first maximum in row-major order (the first 0 at [2,0], the 9 at [2,2]).
        Assert.Equal(new float[] { 0, 1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 0 }, x.Grad!.Data);
    }

    [Fact]
    public void MaxPool_with_padding_ignores_the_padding()
    {
        var x = Tensor.FromArray([-1, -2, -3, -4, -5, -6, -7, -8, -9], 1, 1, 3, 3);
        var y = x.MaxPool2d(3, stride: 2, padding: 1);
        Assert.Equal(new[] { 1, 1, 2, 2 }, y.Shape.ToArray());
        Assert.Equal(new[] { -1f, -2, -4, -5 }, y.Data);
    }

    [Fact]
    public void AvgPool_counts_padding_in_the_divisor()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 1, 3, 3);
        Assert.Equal(new[] { 3f, 4, 6, 7 }, x.AvgPool2d(2, stride: 1).Data);
        var padded = x.AvgPool2d(2, stride: 2, padding: 1);
        Assert.Equal(new[] { 0.25f, 5f / 4, 11f / 4, 28f / 4 }, padded.Data);
    }

    [Fact]
    public void AdaptiveAvgPool_uses_pytorch_window_bounds()
    {
        var y = Counting(5, 5).AdaptiveAvgPool2d(2);
        Assert.Equal(new[] { 6f, 8, 16, 18 }, y.Data);
        Assert.Equal(new[] { 12f }, Counting(5, 5).AdaptiveAvgPool2d(1).Data);
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var rng = new Rng(seed: 5);
        GradCheck.Assert(t => t[0].AvgPool2d(3, 2, 1), Tensor.Randn(rng, 2, 2, 7, 6));
        GradCheck.Assert(t => t[0].AdaptiveAvgPool2d(3), Tensor.Randn(rng, 2, 2, 5, 7));
        GradCheck.Assert(t => t[0].AdaptiveAvgPool2d(1), Tensor.Randn(rng, 2, 3, 4, 4));

        // Distinct values far apart, so a finite-difference step never changes which cell wins a window.
        var perm = rng.Permutation(2 * 2 * 7 * 6);
        var x = Tensor.FromArray(perm.Select(v => v * 0.1f).ToArray(), 2, 2, 7, 6);
        GradCheck.Assert(t => t[0].MaxPool2d(3, 2, 1), x);
        GradCheck.Assert(t => t[0].MaxPool2d(2), Tensor.FromArray(perm.Select(v => v * -0.1f).ToArray(), 2, 2, 7, 6));
    }

    [Fact]
    public void Bad_padding_names_op_and_shape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(1, 1, 4, 4).MaxPool2d(2, padding: 2));
        Assert.StartsWith("MaxPool2d: input [1, 1, 4, 4], kernel 2, stride 2, padding 2", ex.Message);
    }
}
