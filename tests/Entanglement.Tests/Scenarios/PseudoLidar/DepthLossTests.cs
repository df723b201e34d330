using Entanglement.Scenarios.PseudoLidar;
using Entanglement.Tensors;
using Entanglement.Tests.Tensors;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class DepthLossTests
{
    [Fact]
    public void Losses_match_hand_computed_values()
    {
        // C = 40; predicted disparities 2 and 4 (depths 20 and 10) against true depths 10 and 10 (disparity 4).
        var disparity = Tensor.FromArray([2f, 4f], 2);
        var depth = Tensor.FromArray([10f, 10f], 2);
        Assert.Equal(1.0, DepthLosses.Compute(DepthLoss.DisparityMae, disparity, depth, 40).Item(), 6);
        Assert.Equal(5.0, DepthLosses.Compute(DepthLoss.DepthMae, disparity, depth, 40).Item(), 6);
        Assert.Equal(1.0, DepthLosses.Evaluate(DepthLoss.DisparityMae, [20f, 10f, 3f], [10f, 10f, float.NaN], 40), 9);
        Assert.Equal(5.0, DepthLosses.Evaluate(DepthLoss.DepthMae, [20f, 10f, 3f], [10f, 10f, float.NaN], 40), 9);
    }

    [Fact]
    public void Depth_loss_weighs_far_pixels_more_than_disparity_loss()
    {
        // The same 0.1-pixel disparity error costs (C/δ²)·0.1 in depth: 100 times more at δ = 1 than at δ = 10.
        var near = DepthLosses.Compute(DepthLoss.DepthMae, Tensor.FromArray([10.1f], 1), Tensor.FromArray([10f], 1), 100).Item();
        var far = DepthLosses.Compute(DepthLoss.DepthMae, Tensor.FromArray([1.1f], 1), Tensor.FromArray([100f], 1), 100).Item();
        Assert.InRange(far / near, 80, 100);
    }

    [Fact]
    public void Depth_mae_backward_matches_finite_differences()
    {
        var depth = Tensor.FromArray([10f, 20f, 5f], 3);
        GradCheck.Assert(x => DepthLosses.Compute(DepthLoss.DepthMae, x[0], depth, 40), Tensor.FromArray([3f, 2.5f, 7f], 3));
        GradCheck.Assert(x => DepthLosses.Compute(DepthLoss.DisparityMae, x[0], depth, 40), Tensor.FromArray([3f, 2.5f, 7f], 3));
    }

    [Fact]
    public void Range_bins_split_errors_by_true_depth()
    {
        var acc = new DepthErrorByRange.Accumulator();
        acc.Add([6f, 14f, 27f, 41f, 100f], [5f, 15f, 25f, 35f, float.NaN]);
        Assert.Equal([1, 1, 2, 6, double.NaN], acc.PerBin());
        Assert.Equal(10.0 / 4, acc.Overall, 12);
        Assert.Equal([1L, 1, 1, 1, 0], acc.Counts());
    }

    [Fact]
    public void Range_bins_give_the_median_error_of_the_typical_pixel()
    {
        var acc = new DepthErrorByRange.Accumulator();
        // 0-10 m: errors 0.1, 0.2 and a 30 m outlier (mean 10.1, median 0.2); 10-20 m: errors 1 and 3 (median 2).
        acc.Add([5.1f, 6.2f, 38f, 13f, 15f], [5f, 6f, 8f, 12f, 18f]);
        var median = acc.MedianPerBin();
        Assert.Equal(0.2, median[0], 5);
        Assert.Equal(2, median[1], 5);
        Assert.True(double.IsNaN(median[4]));
        Assert.Equal((0.1 + 0.2 + 30) / 3, acc.PerBin()[0], 5);
    }
}
