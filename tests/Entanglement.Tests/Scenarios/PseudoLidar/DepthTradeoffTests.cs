using Entanglement.Experiments;
using Entanglement.Scenarios;
using Entanglement.Scenarios.PseudoLidar;
using Entanglement.Tensors;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class DepthTradeoffTests
{
    [Fact]
    public void Range_weighted_loss_is_each_loss_at_the_ends_of_the_knob_and_their_mix_between()
    {
        // C = 10; disparities 2 and 5 (depths 5 and 2) against depths 4 and 1 (disparities 2.5 and 10):
        // disparity MAE = (0.5 + 5) / 2 = 2.75, depth MAE = (1 + 1) / 2 = 1.
        var disparity = Tensor.FromArray([2f, 5f], 2);
        var depth = Tensor.FromArray([4f, 1f], 2);
        Assert.Equal(2.75, DepthLosses.RangeWeighted(disparity, depth, 10, 0).Item(), 5);
        Assert.Equal(1.0, DepthLosses.RangeWeighted(disparity, depth, 10, 1).Item(), 5);
        Assert.Equal(0.75 * 2.75 + 0.25 * 1.0, DepthLosses.RangeWeighted(disparity, depth, 10, 0.25).Item(), 5);
        Assert.Throws<ArgumentOutOfRangeException>(() => DepthLosses.RangeWeighted(disparity, depth, 10, 1.5));
    }

    [Fact]
    public void Smoke_sweep_measures_every_weight_and_bin_under_the_stated_capacity()
    {
        var config = DepthTradeoff.Config.For(Profile.Smoke);
        var result = DepthTradeoff.Run(config);
        Assert.Equal(config.RangeWeights, result.Rows.Select(r => r.RangeWeight));
        Assert.All(result.Rows, r => Assert.True(double.IsFinite(r.OverallMean) && double.IsFinite(r.DisparityMaeMean)));
        // MLP 9 -> 4 -> 1: (9·4 + 4) + (4·1 + 1) parameters.
        Assert.Equal(45, result.Parameters);
        var best = result.BestWeightPerBin;
        Assert.Equal(DepthErrorByRange.BinLabels.Count, best.Count);
        Assert.Equal(result.NearBestEverywhere.Count == 0, result.HasTradeoff);
        Assert.Contains(result.HasTradeoff ? "Trade-off" : "No trade-off", result.Summary, StringComparison.Ordinal);
        var again = DepthTradeoff.Run(config);
        Assert.Equal(result.Rows.Select(r => r.OverallMean), again.Rows.Select(r => r.OverallMean));
    }

    [Fact]
    public void Differences_within_two_percent_make_no_trade_off_and_a_crossing_does()
    {
        var config = DepthTradeoff.Config.For(Profile.Smoke) with { RangeWeights = [0, 0.5, 1] };
        DepthTradeoff.WeightRow Row(double a, params double[] bins) =>
            new(a, [.. bins, .. Enumerable.Repeat(double.NaN, DepthErrorByRange.BinLabels.Count - bins.Length)], [], bins.Average(), 0);

        // a = 0 worse everywhere; a = 0.5 and 1 differ by under 1 % in every bin (best weight alternates by noise).
        var flat = new DepthTradeoff.Result(config, [], [Row(0, 1.19, 2.22, 4.65), Row(0.5, 1.131, 1.638, 2.951), Row(1, 1.132, 1.636, 2.953)]);
        Assert.False(flat.HasTradeoff);
        Assert.Equal([0.5, 1], flat.NearBestEverywhere);
        Assert.Contains("No trade-off at this capacity: a = 0.5, 1", flat.Summary, StringComparison.Ordinal);

        // a = 0 clearly best near, a = 1 clearly best far: the estimator had to choose.
        var crossing = new DepthTradeoff.Result(config, [], [Row(0, 0.20, 2.0, 6.0), Row(0.5, 0.25, 1.8, 5.0), Row(1, 0.30, 1.9, 4.0)]);
        Assert.True(crossing.HasTradeoff);
        Assert.Empty(crossing.NearBestEverywhere);
        Assert.Contains("Trade-off: no single weight", crossing.Summary, StringComparison.Ordinal);
    }

    [Fact]
    public void Experiment_stores_the_sweep_and_reads_it_back()
    {
        var path = Path.Combine(Path.GetTempPath(), $"depth-tradeoff-{Guid.NewGuid():N}.db");
        try
        {
            var config = DepthTradeoff.Config.For(Profile.Smoke);
            var first = DepthTradeoffExperiment.Run(config, new ExperimentOptions { StorePath = path });
            var second = DepthTradeoffExperiment.Run(config, new ExperimentOptions { StorePath = path });
            Assert.Equal(first.Rows.Select(r => r.BinMean.ToArray()), second.Rows.Select(r => r.BinMean.ToArray()));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
