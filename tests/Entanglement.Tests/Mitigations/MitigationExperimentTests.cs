using Entanglement.Diagnostics;
using Entanglement.Experiments;
using Entanglement.Mitigations;
using Entanglement.Scenarios;
using Entanglement.Tests.Experiments;

namespace Entanglement.Tests.Mitigations;

public sealed class MitigationExperimentTests
{
    [Fact]
    public void The_smoke_preset_runs_through_the_store_and_a_second_run_trains_nothing()
    {
        using var folder = new TempFolder();
        var config = MitigationStudy.Config.For(Profile.Smoke) with { Seeds = [0] };
        var options = new ExperimentOptions { StorePath = folder.File("store.db"), Workers = 1 };
        var trained = new List<string>();
        var first = MitigationExperiment.Run(config, options with { Progress = new SyncProgress(trained) });
        Assert.Contains(trained, m => m.StartsWith("epoch ", StringComparison.Ordinal));

        var read = new List<string>();
        var second = MitigationExperiment.Run(config, options with { Progress = new SyncProgress(read) });
        Assert.DoesNotContain(read, m => m.StartsWith("epoch ", StringComparison.Ordinal));
        Assert.Contains(read, m => m.Contains("4 runs, 4 already in the store", StringComparison.Ordinal));
        Assert.Equal(first.Summary, second.Summary);

        using var store = ResultsStore.Open(options.StorePath);
        Assert.Equal(MitigationStudy.Experiments.Count, store.Runs(MitigationExperiment.Name).Count);

        // Every experiment has the unmitigated update and every mitigation a measurement or a reason.
        Assert.All(first.Comparisons, rows =>
        {
            Assert.Equal(Enum.GetValues<Mitigation>().Length, rows.Count);
            Assert.All(rows, c => Assert.True(c.NotApplicable is not null || c.With.Count == 1, $"{c.Experiment} {c.Mitigation}"));
        });
        Assert.NotNull(first.Of("anti-correlated-errors").Single(c => c.Mitigation == Mitigation.Calibration).Change);
        Assert.NotNull(first.Of("loss-function-mismatch").Single(c => c.Mitigation == Mitigation.Calibration).NotApplicable);
    }

    [Fact]
    public void Stored_numbers_read_back_as_the_same_updates()
    {
        var update = new MitigatedUpdate
        {
            Mitigation = Mitigation.Whitening,
            UpstreamBefore = 0.5,
            UpstreamAfter = 0.25,
            DownstreamBefore = 0.1,
            DownstreamAfter = 0.2,
            DownstreamFlips = new FlipMetrics(10, 0.1, 0.2, 0.15, 0.05, 0.8, 0.5),
            UpstreamFlips = new FlipMetrics(10, 0.5, 0.25, 0.1, 0.35, 0.8, 0.3),
        };
        var back = Assert.Single(MitigationExperiment.Updates(update.ToLosses().ToDictionary(kv => kv.Key, kv => kv.Value)));
        Assert.Equal(update.Mitigation, back.Mitigation);
        Assert.Equal(update.DownstreamChange, back.DownstreamChange);
        Assert.Equal(update.UpstreamAfter, back.UpstreamAfter);
        Assert.Equal(0.15, back.DownstreamFlips.NegativeFlipRate);
        Assert.Equal(0.35, back.UpstreamFlips.PositiveFlipRate);
    }

    private sealed class SyncProgress(List<string> messages) : IProgress<string>
    {
        public void Report(string value)
        {
            lock (messages)
            {
                messages.Add(value);
            }
        }
    }
}
