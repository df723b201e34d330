using Entanglement.Experiments;

namespace Entanglement.Tests.Experiments;

public sealed class SweepRunnerTests
{
    private static readonly Sweep<int> Simulated = new("simulated", "test", [0, 1, 2, 3, 4], [0, 1, 2])
    {
        ConfigJson = "{\"Epochs\":1}",
        DatasetHash = "sha256:test",
    };

    private static RunOutcome Outcome(SweepRun<int> run) => new(new Dictionary<string, double>
    {
        ["upstream"] = run.Point + (run.Seed / 10.0),
        ["downstream"] = run.Point * run.Seed,
    });

    private sealed class Recorder : IProgress<SweepProgress>
    {
        public List<SweepProgress> Reports { get; } = [];

        public void Report(SweepProgress value) => Reports.Add(value);
    }

    [Fact]
    public void A_sweep_runs_every_run_once_reports_progress_and_a_rerun_runs_nothing()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var progress = new Recorder();
        var calls = 0;

        var first = new SweepRunner(store) { Progress = progress }.Run(Simulated, run =>
        {
            calls++;
            return Outcome(run);
        });
        var second = new SweepRunner(store).Run(Simulated, _ => throw new InvalidOperationException("must not run"));

        Assert.Equal(new SweepSummary(15, 0, 15), first);
        Assert.Equal(new SweepSummary(15, 15, 0), second);
        Assert.Equal(15, calls);
        Assert.Equal(Enumerable.Range(0, 16), progress.Reports.Select(p => p.Completed));
        Assert.Equal(Simulated.Runs().Select(r => r.Key), progress.Reports.Skip(1).Select(p => p.LastKey));
        var stored = store.Runs().Single(r => r.Key == "simulated|test|3|2");
        Assert.Equal(6.0, stored.Losses["downstream"]);
        Assert.Equal("{\"Epochs\":1}", stored.ConfigJson);
        Assert.Equal("sha256:test", stored.DatasetHash);
        Assert.Equal(ResultsStore.LibraryVersion, stored.LibraryVersion);
    }

    [Fact]
    public void A_failing_run_stops_the_sweep_and_keeps_the_runs_before_it()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));

        Assert.Throws<InvalidOperationException>(() => new SweepRunner(store).Run(Simulated, run =>
            run.Point == 2 ? throw new InvalidOperationException("diverged") : Outcome(run)));

        Assert.Equal(6, store.Count);
        Assert.Equal(new SweepSummary(15, 6, 9), new SweepRunner(store).Run(Simulated, Outcome));
    }

    [Fact]
    public void Shards_run_into_separate_stores_merge_into_the_full_sweep()
    {
        using var folder = new TempFolder();
        var paths = new List<string>();
        for (var k = 0; k < 4; k++)
        {
            paths.Add(folder.File($"shard{k}.db"));
            using var shard = ResultsStore.Open(paths[^1]);
            var summary = new SweepRunner(shard) { Shard = new Shard(k, 4) }.Run(Simulated, Outcome);
            Assert.Equal(k < 3 ? 4 : 3, summary.Ran);
        }

        using var merged = ResultsStore.Open(folder.File("merged.db"));
        var result = merged.Merge(paths);

        Assert.Equal(15, result.Added);
        Assert.Empty(result.Conflicts);
        Assert.Equal(Simulated.Runs().Select(r => r.Key).Order(), merged.Runs().Select(r => r.Key).Order());
        Assert.Equal(new SweepSummary(15, 15, 0), new SweepRunner(merged).Run(Simulated, Outcome));
    }
}
