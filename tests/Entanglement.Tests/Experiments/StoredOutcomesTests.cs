using Entanglement.Diagnostics;
using Entanglement.Experiments;
using Entanglement.Scenarios;

namespace Entanglement.Tests.Experiments;

/// <summary>The "Why" analyses read the store's per-example outcomes and train nothing.</summary>
public sealed class StoredOutcomesTests
{
    [Fact]
    public void A_stored_sweep_is_diagnosed_from_the_store_without_training()
    {
        using var folder = new TempFolder();
        var path = folder.File("results.db");
        var config = LossFunctionMismatch.Config.For(Profile.Smoke);
        var result = ExperimentRunner.Run(config, new ExperimentOptions { StorePath = path, Workers = 1, Progress = null });
        var stamp = File.GetLastWriteTimeUtc(path);

        var why = Assert.Single(StoredOutcomes.Why("loss-function-mismatch", Profile.Smoke, path));

        Assert.Equal(File.GetLastWriteTimeUtc(path), stamp);
        Assert.Equal(config.Seeds, why.Diagnosis.Seeds);
        Assert.Equal(["upstream", "downstream"], why.Flips.Overall.Select(f => f.Vertex));

        // The flip report's error rates are the stored downstream losses (zero-one error on the same test rows).
        var downstream = why.Flips.Overall.Single(f => f.Vertex == "downstream");
        Assert.Equal(result.Downstream[0].Average(), downstream.ErrorBefore.Mean, 1e-9);
        Assert.Equal(result.Downstream[^1].Average(), downstream.ErrorAfter.Mean, 1e-9);
        Assert.True(why.Decomposition.IsComplete);
        Assert.Contains("Diagnosis:", why.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Anti_correlated_runs_become_two_sweeps_that_improve_u_and_v()
    {
        using var folder = new TempFolder();
        var path = folder.File("results.db");
        var config = AntiCorrelatedErrors.Config.For(Profile.Smoke);
        var result = ExperimentRunner.Run(config, new ExperimentOptions { StorePath = path, Workers = 1, Progress = null });

        var sweeps = StoredOutcomes.Load("anti-correlated-errors", Profile.Smoke, path);

        Assert.Equal(["u", "v"], sweeps.Select(s => s.Updated));
        var improveU = sweeps[0];
        for (var point = 0; point < improveU.KnobValues.Count; point++)
        {
            var seed = config.Seeds[0];
            Assert.Equal(result.ImproveU.Downstream[point][0], improveU.Run(point, seed)["downstream"].ErrorRate, 1e-9);
            Assert.Equal(result.ImproveU.Upstream[point][0], improveU.Run(point, seed)["u"].ErrorRate, 1e-9);
            Assert.Equal(result.ImproveV.Downstream[point][0], sweeps[1].Run(point, seed)["downstream"].ErrorRate, 1e-9);
        }

        Assert.True(DecompositionReport.Of(improveU).IsComplete);
    }

    [Fact]
    public void Without_stored_runs_the_error_names_the_command_to_run()
    {
        using var folder = new TempFolder();
        var path = folder.File("empty.db");
        using (ResultsStore.Open(path))
        {
        }

        var error = Assert.Throws<MissingOutcomesException>(() => StoredOutcomes.Load("hypothesis-space-mismatch", Profile.Quick, path));

        Assert.Contains($"workbook run hypothesis-space-mismatch --profile quick --store {path}", error.Message, StringComparison.Ordinal);
        Assert.Throws<MissingOutcomesException>(() => StoredOutcomes.Load("data-distribution-mismatch", Profile.Quick, folder.File("none.db")));
    }
}
