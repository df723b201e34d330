using Entanglement.Data;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;

namespace Entanglement.Experiments;

/// <summary>
/// Runs an experiment's (point, seed) runs through a <see cref="ResultsStore"/>: stored runs are reused, missing
/// ones computed and committed one by one, and the result assembled from the store.
/// </summary>
internal static class StoredSweep
{
    /// <summary>Runs what is missing and returns every run's losses keyed by (point index, seed).</summary>
    /// <exception cref="IncompleteSweepException">A shard finished but other shards' runs are not in the store yet.</exception>
    public static Dictionary<(int Point, int Seed), IReadOnlyDictionary<string, double>> Run<TConfig>(
        string scenario,
        TConfig config,
        Profile profile,
        DatasetKind dataset,
        IReadOnlyList<double> knobValues,
        IReadOnlyList<int> seeds,
        Func<int, int, RunOutcome> run,
        ExperimentOptions options)
    {
        var (json, hash) = EngineTag.Apply(ConfigHash.OfSweepConfig(config), TrainingEngines.Current);
        var points = knobValues.Select((v, i) => new ExperimentPoint(i, v, hash)).ToArray();
        var sweep = new Sweep<ExperimentPoint>(scenario, profile.Name, points, seeds)
        {
            ConfigJson = json,
            DatasetHash = DatasetSource.Load(dataset).Sha256,
        };
        using var store = ResultsStore.Open(options.StorePath);
        var runner = new SweepRunner(store)
        {
            Shard = options.Shard,
            Workers = options.Workers,
            Progress = options.Progress is { } p
                ? new InlineProgress(s => p.Report(Describe(scenario, s)))
                : null,
        };
        // The trainers check the ambient token once per batch, so a cancelled run stops within a training step.
        using (AmbientCancellation.Use(options.Cancellation))
        {
            runner.Run(sweep, r => run(r.PointIndex, r.Seed), options.Cancellation);
        }

        var wanted = sweep.Runs().ToDictionary(r => r.Key, r => (r.PointIndex, r.Seed));
        var found = store.Runs(scenario).Where(r => wanted.ContainsKey(r.Key))
            .ToDictionary(r => wanted[r.Key], r => r.Losses);
        return found.Count == wanted.Count
            ? found
            : throw new IncompleteSweepException(scenario, options.Shard, wanted.Count - found.Count, store.Path);
    }

    private static string Describe(string scenario, SweepProgress s) =>
        s.LastKey is null
            ? $"{scenario}: {s.Total} runs, {s.Skipped} already in the store"
            : $"{scenario}: {s.Completed}/{s.Total} runs done";

    /// <summary>Reports on the calling thread, in order (<see cref="Progress{T}"/> would post to the thread pool).</summary>
    private sealed class InlineProgress(Action<SweepProgress> report) : IProgress<SweepProgress>
    {
        public void Report(SweepProgress value) => report(value);
    }
}
