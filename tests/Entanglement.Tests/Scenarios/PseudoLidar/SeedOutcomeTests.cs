using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class SeedOutcomeTests
{
    internal static SeedOutcome Sample(int seed, double offset)
    {
        var section5 = new Dictionary<(DepthSource, ObjectKind, BoxView), double>();
        var appendix = new Dictionary<(DepthSource, BoxView), double>();
        var k = 0;
        foreach (var source in Enum.GetValues<DepthSource>())
        {
            foreach (var view in Enum.GetValues<BoxView>())
            {
                section5[(source, ObjectKind.Car, view)] = 10 + k + offset;
                section5[(source, ObjectKind.Pedestrian, view)] = 20 + k + offset;
                appendix[(source, view)] = 30 + k + offset;
                k++;
            }
        }

        return new SeedOutcome(seed,
            new Dictionary<DepthLoss, double[]>
            {
                [DepthLoss.DisparityMae] = [0.3 + offset, 1.0, 1.5, 2.5, double.NaN],
                [DepthLoss.DepthMae] = [0.4 + offset, 0.9, 1.2, 2.0, double.NaN],
            },
            new Dictionary<DepthLoss, double> { [DepthLoss.DisparityMae] = 1.5 + offset, [DepthLoss.DepthMae] = 1.3 + offset },
            new Dictionary<DepthLoss, double> { [DepthLoss.DisparityMae] = 0.25 + offset, [DepthLoss.DepthMae] = 0.3 + offset },
            section5, appendix);
    }

    [Fact]
    public void Medians_round_trip_when_measured()
    {
        var outcome = Sample(2, 0) with
        {
            DepthMedianByRange = new Dictionary<DepthLoss, double[]>
            {
                [DepthLoss.DisparityMae] = [0.01, 0.1, 0.5, 1, double.NaN],
                [DepthLoss.DepthMae] = [0.02, 0.2, 0.4, 0.9, double.NaN],
            },
        };
        var back = SeedOutcome.FromLosses(2, outcome.ToLosses(), withAppendix: true);
        Assert.Equal(outcome.DepthMedianByRange[DepthLoss.DepthMae], back.DepthMedianByRange[DepthLoss.DepthMae]);
        var config = PseudoLidarCaseStudy.Config.For(Entanglement.Scenarios.Profile.Smoke);
        Assert.Equal(0.01, PseudoLidarCaseStudy.Result.Aggregate(config, [back]).DepthByRange[0].BinMedianMean[0], 12);
    }

    [Fact]
    public void Losses_round_trip_every_number_and_leave_out_NaN()
    {
        var outcome = Sample(seed: 3, offset: 0.125);
        var losses = outcome.ToLosses();
        Assert.All(losses.Values, v => Assert.True(double.IsFinite(v)));
        Assert.DoesNotContain("depth-mae[DepthMae][40-max]", losses.Keys);
        Assert.Equal(1.3 + 0.125, losses["depth-mae[DepthMae]"]);
        Assert.Equal(20 + 0.125, losses["ap[DisparityTrained,Pedestrian,Box3D]"]);

        var back = SeedOutcome.FromLosses(3, losses, withAppendix: true);
        Assert.Equal(3, back.Seed);
        foreach (var loss in new[] { DepthLoss.DisparityMae, DepthLoss.DepthMae })
        {
            Assert.Equal(outcome.DepthMaeByRange[loss], back.DepthMaeByRange[loss]);
            Assert.Equal(outcome.DepthMae[loss], back.DepthMae[loss]);
            Assert.Equal(outcome.DisparityMae[loss], back.DisparityMae[loss]);
        }

        Assert.Equal(outcome.Section5Ap.OrderBy(kv => kv.Key.ToString()), back.Section5Ap.OrderBy(kv => kv.Key.ToString()));
        Assert.Equal(outcome.AppendixAp.OrderBy(kv => kv.Key.ToString()), back.AppendixAp.OrderBy(kv => kv.Key.ToString()));
    }

    [Fact]
    public void From_losses_without_the_depth_errors_names_the_missing_number()
    {
        var losses = new Dictionary<string, double>(Sample(1, 0).ToLosses());
        losses.Remove("depth-mae[DisparityMae]");
        var e = Assert.Throws<ArgumentException>(() => SeedOutcome.FromLosses(1, losses, withAppendix: true));
        Assert.Contains("depth-mae[DisparityMae]", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Aggregate_averages_seeds_and_the_sweeps_turn_AP_into_a_loss()
    {
        var config = PseudoLidarCaseStudy.Config.For(Entanglement.Scenarios.Profile.Smoke) with { Seeds = [0, 1] };
        var result = PseudoLidarCaseStudy.Result.Aggregate(config, [Sample(0, 0), Sample(1, 1)]);
        Assert.Equal((0.3 + 1.3) / 2, result.DepthByRange[0].BinMean[0], 12);
        Assert.Equal((1.3 + 2.3) / 2, result.DepthByRange[1].OverallMean, 12);
        Assert.Equal(Math.Sqrt(0.5), result.DepthByRange[1].OverallSd, 12);
        Assert.Equal("profile smoke, seeds 0, 1", result.Provenance);

        var sweep = result.Section5Sweep(ObjectKind.Pedestrian);
        Assert.Equal([1.5, 2.5], sweep.Upstream[0]);
        Assert.Equal([1.3, 2.3], sweep.Upstream[1]);
        var pedestrianU = result.Section5(DepthSource.DisparityTrained, ObjectKind.Pedestrian, BoxView.Box3D).PerSeed;
        Assert.Equal(pedestrianU.Select(ap => 100 - ap), sweep.Downstream[0]);

        var appendix = result.AppendixSweep;
        Assert.Equal([0.3, 1.3], appendix.Upstream[0]); // Appendix A's u is the depth-MAE-trained model
        Assert.Equal([0.25, 1.25], appendix.Upstream[1]);
    }
}
