using System.Diagnostics;
using System.Globalization;

namespace Entanglement.Experiments;

/// <summary>
/// Runs the missing runs of a sweep (or of one shard of it) and commits each to a <see cref="ResultsStore"/> as soon
/// as it finishes, so the sweep can be killed at any point and resumed by running it again.
/// </summary>
/// <param name="store">Where finished runs are committed and looked up.</param>
public sealed class SweepRunner(ResultsStore store)
{
    /// <summary>The part of the sweep this runner runs; <see cref="Shard.All"/> by default.</summary>
    public Shard Shard { get; init; } = Shard.All;

    /// <summary>Receives a report at the start and after every committed run.</summary>
    public IProgress<SweepProgress>? Progress { get; init; }

    /// <summary>The runs of this runner's shard not yet in the store, in sweep order.</summary>
    public IReadOnlyList<SweepRun<TPoint>> Pending<TPoint>(Sweep<TPoint> sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var stored = store.Keys(sweep.Scenario);
        return sweep.Runs(Shard).Where(r => !stored.Contains(r.Key)).ToList();
    }

    /// <summary>
    /// How many runs execute at once (each run's kernels still use every core). On a small CPU two concurrent runs
    /// keep both cores busy through the single-threaded parts of a training step; results do not depend on it.
    /// </summary>
    public int Workers { get; init; } = 1;

    /// <summary>
    /// Runs every pending run with <paramref name="run"/> and commits each as soon as it finishes; after cancellation
    /// no run starts (a run that watches the token, as the trainers do through <c>AmbientCancellation</c>, stops within
    /// a training step and throws, so nothing partial is committed) and <see cref="OperationCanceledException"/> is
    /// thrown. A run that throws stops the sweep (runs committed before it stay) and its exception is rethrown once
    /// the runs already under way have finished and been committed.
    /// </summary>
    public SweepSummary Run<TPoint>(
        Sweep<TPoint> sweep, Func<SweepRun<TPoint>, RunOutcome> run, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        ArgumentNullException.ThrowIfNull(run);
        if (Workers < 1)
        {
            throw new InvalidOperationException($"SweepRunner: Workers = {Workers}; at least one worker is needed.");
        }

        var total = sweep.Runs(Shard).Count;
        var pending = Pending(sweep);
        var skipped = total - pending.Count;
        var completed = skipped;
        var ran = 0;
        var gate = new Lock();
        Progress?.Report(new SweepProgress(completed, total, skipped, null, null));

        void Execute(SweepRun<TPoint> item)
        {
            var clock = Stopwatch.StartNew();
            var outcome = run(item) ?? throw new InvalidOperationException($"Run '{item.Key}' returned no outcome.");
            clock.Stop();
            var stored = new StoredRun(
                item.Key, item.Scenario, item.Profile, item.PointIndex, item.PointJson, item.Seed, sweep.ConfigJson,
                sweep.DatasetHash, ResultsStore.LibraryVersion,
                DateTime.UtcNow.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                clock.Elapsed.TotalSeconds, outcome.Losses, outcome.Timings);
            lock (gate)
            {
                if (store.Commit(stored))
                {
                    ran++;
                }
                else
                {
                    // Another process sharing the store finished this run first.
                    skipped++;
                }

                completed++;
                Progress?.Report(new SweepProgress(completed, total, skipped, item.Key, outcome.Losses));
            }
        }

        WorkQueue.Drain(pending, Math.Min(Workers, Math.Max(1, pending.Count)), Execute, cancellation);
        return new SweepSummary(total, skipped, ran);
    }
}
