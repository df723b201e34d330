using Entanglement.Scenarios;

namespace Entanglement.Tests.Scenarios;

/// <summary>Every experiment runs end to end on the smoke profile, with the shapes and determinism the charts rely on.</summary>
public sealed class ScenarioSmokeTests
{
    [Fact]
    public void Loss_function_mismatch_runs_and_repeats_bit_for_bit()
    {
        var config = LossFunctionMismatch.Config.For(Profile.Smoke) with { Seeds = [0] };
        var a = LossFunctionMismatch.RunOne(config, 1, seed: 0);
        var b = LossFunctionMismatch.RunOne(config, 1, seed: 0);
        Assert.Equal(a, b);
        Assert.InRange(a.Downstream, 0, 1);
        Assert.True(a.Upstream >= 0 && double.IsFinite(a.Upstream));

        // Per-example outcomes: the downstream's zero-one losses average to its test loss; probes cover the same rows.
        var downstream = a.Outcomes.Single(o => o.Vertex == "downstream");
        Assert.Equal(a.Downstream, downstream.MeanLoss, 1e-9);
        Assert.Equal(downstream.Ids, a.Outcomes.Single(o => o.Vertex == OutcomeRecorder.Knn).Ids);
        Assert.Equal(1, a.Outcomes.Single(o => o.Vertex == "upstream").OutputWidth);
        Assert.Equal(downstream.Count, a.Outcomes.Single(o => o.Vertex == OutcomeRecorder.InClass).Count);
    }

    [Fact]
    public void Data_distribution_mismatch_sweep_has_one_loss_per_point_and_seed()
    {
        var result = DataDistributionMismatch.Run(DataDistributionMismatch.Config.For(Profile.Smoke));
        Assert.Equal(2, result.Upstream.Length);
        Assert.All(result.Downstream, row => Assert.Equal(2, row.Length));
        Assert.All(result.Upstream.SelectMany(r => r), v => Assert.InRange(v, 0, 1));
    }

    [Fact]
    public void Hypothesis_space_mismatch_runs_with_each_head_depth()
    {
        var config = HypothesisSpaceMismatch.Config.For(Profile.Smoke);
        var shallow = HypothesisSpaceMismatch.RunOne(config, 0, seed: 0);
        var deep = HypothesisSpaceMismatch.RunOne(config, 1, seed: 0);
        Assert.NotEqual(shallow, deep);
        Assert.InRange(deep.Downstream, 0, 1);

        // The upstream's per-example 1-NN losses are the query half of the fixed split: their mean is its test loss.
        Assert.Equal(deep.Upstream, deep.Outcomes.Single(o => o.Vertex == "upstream").MeanLoss, 1e-3);
        Assert.Equal(deep.Downstream, deep.Outcomes.Single(o => o.Vertex == "downstream").MeanLoss, 1e-9);
    }

    [Fact]
    public void Anti_correlated_errors_grid_and_sweeps_are_consistent()
    {
        var config = AntiCorrelatedErrors.Config.For(Profile.Smoke) with { Seeds = [3] };
        var result = AntiCorrelatedErrors.Run(config);
        var grid = result.Grids[0];
        Assert.Equal(2, grid.UError.Length);
        Assert.Equal(grid.WBayes[1, 1], result.ImproveU.Downstream[0][0]);
        Assert.Equal(grid.WBayes[0, 1], result.ImproveU.Downstream[1][0]);
        Assert.Equal(grid.UError[0], result.ImproveU.Upstream[1][0]);
        Assert.Equal(grid.UError[1], grid.Outcomes.Single(o => o.Vertex == "u[1]").ErrorRate, 1e-9);
        Assert.Equal(grid.WBayes[0, 1], grid.Outcomes.Single(o => o.Vertex == "w[0,1]").ErrorRate, 1e-9);
    }

    [Fact]
    public void The_two_difficulty_readings_rank_the_images_differently_and_are_stored_apart()
    {
        var epochEnd = AntiCorrelatedErrors.Config.For(Profile.Smoke);
        var batches = epochEnd with { Difficulty = DifficultyCurve.TrainingBatches };
        Assert.NotEqual(
            Entanglement.Experiments.ConfigHash.OfSweepConfig(batches).Hash, Entanglement.Experiments.ConfigHash.OfSweepConfig(epochEnd).Hash);
        Assert.Contains("eval losses after each epoch", epochEnd.Describe(), StringComparison.Ordinal);
        Assert.Contains("losses in the training batches", batches.Describe(), StringComparison.Ordinal);
        var a = AntiCorrelatedErrors.RunOne(batches, seed: 1);
        var b = AntiCorrelatedErrors.RunOne(epochEnd, seed: 1);

        // Same seed, same reference run; only the ranking differs, so the flipped sets (and what u learns) differ.
        Assert.NotEqual(a.FlippedOnes[1], b.FlippedOnes[1]);
        Assert.NotEqual(a.UError[1], b.UError[1]);
        Assert.Equal(a.UError[0], b.UError[0]);
    }
}
