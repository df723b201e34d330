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
    public void Two_workers_run_two_runs_at_once_and_store_each_run_once_with_the_same_losses()
    {
        using var folder = new TempFolder();
        using var serial = ResultsStore.Open(folder.File("serial.db"));
        using var parallel = ResultsStore.Open(folder.File("parallel.db"));
        new SweepRunner(serial).Run(Simulated, Outcome);
        var progress = new Recorder();
        var calls = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var bothStarted = new Barrier(2);
        var overlapped = false;

        var summary = new SweepRunner(parallel) { Workers = 2, Progress = progress }.Run(Simulated, run =>
        {
            calls.Add(run.Key);
            if (run.Point == 0 && run.Seed < 2)
            {
                // The first two runs meet here only if they run at the same time.
                overlapped = bothStarted.SignalAndWait(TimeSpan.FromSeconds(30));
            }

            return Outcome(run);
        });

        Assert.True(overlapped);
        Assert.Equal(new SweepSummary(15, 0, 15), summary);
        Assert.Equal(Simulated.Runs().Select(r => r.Key).Order(), calls.Order());
        Assert.Equal(Enumerable.Range(0, 16), progress.Reports.Select(p => p.Completed));
        var expected = serial.Runs().ToDictionary(r => r.Key, r => r.Losses);
        Assert.All(parallel.Runs(), r => Assert.Equal(expected[r.Key], r.Losses));
        Assert.Equal(15, parallel.Count);
    }

    [Fact]
    public void With_two_workers_a_failing_run_is_rethrown_and_a_rerun_completes_the_sweep_without_duplicates()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        var started = 0;

        var error = Assert.Throws<InvalidOperationException>(() => new SweepRunner(store) { Workers = 2 }.Run(Simulated, run =>
        {
            Interlocked.Increment(ref started);
            return run.Point == 1 && run.Seed == 1 ? throw new InvalidOperationException("diverged at 1/1") : Outcome(run);
        }));

        Assert.Equal("diverged at 1/1", error.Message);
        Assert.InRange(store.Count, 4, started - 1);
        Assert.True(started < 15, $"{started} runs started after the failure should have stopped new work");
        var before = store.Count;
        var rest = new SweepRunner(store) { Workers = 2 }.Run(Simulated, Outcome);
        Assert.Equal(new SweepSummary(15, before, 15 - before), rest);
        Assert.Equal(15, store.Count);
        Assert.Equal(Simulated.Runs().Select(r => r.Key).Order(), store.Runs().Select(r => r.Key).Order());
    }

    [Fact]
    public void A_runner_without_workers_is_refused()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));

        var error = Assert.Throws<InvalidOperationException>(() => new SweepRunner(store) { Workers = 0 }.Run(Simulated, Outcome));

        Assert.Contains("Workers = 0", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Count);
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
