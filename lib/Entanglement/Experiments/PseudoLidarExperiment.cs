using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.PseudoLidar;
using Entanglement.Scenarios.Training;

namespace Entanglement.Experiments;

/// <summary>
/// The pseudo-LiDAR case studies (§5, Appendix A) through the results store: one run per seed (scenes, u, u′ and
/// every detector), each committed as soon as it finishes, so an interrupted run resumes and a repeated one (or the
/// second notebook) only reads the store. The result is the scenario's own, aggregated from the stored numbers.
/// </summary>
public static class PseudoLidarExperiment
{
    /// <summary>The scenario's name in the store and on the command line.</summary>
    public const string Name = "pseudo-lidar";

    /// <summary>Runs the seeds of <paramref name="config"/> not yet in the store and aggregates all of them.</summary>
    /// <exception cref="IncompleteSweepException">A shard finished but other shards' seeds are not in the store yet.</exception>
    public static PseudoLidarCaseStudy.Result Run(PseudoLidarCaseStudy.Config config, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new ExperimentOptions();
        // The engine and device (and LibTorch's thread count) are part of each run's key: a torch run is another run.
        var (json, hash) = EngineTag.Apply(ConfigHash.OfSweepConfig(config), TrainingEngines.Current);
        var sweep = new Sweep<ExperimentPoint>(Name, config.Profile.Name, [new ExperimentPoint(0, 0, hash)], config.Seeds)
        {
            ConfigJson = json,
            DatasetHash = "simulated",
        };
        using var store = ResultsStore.Open(options.StorePath);
        var runner = new SweepRunner(store)
        {
            Shard = options.Shard,
            Workers = options.Workers,
            Progress = options.Progress is { } p
                ? new Progress<SweepProgress>(s => p.Report(s.LastKey is null
                    ? $"{Name}: {s.Total} seeds, {s.Skipped} already in the store"
                    : $"{Name}: {s.Completed}/{s.Total} seeds done"))
                : null,
        };
        // The trainers check the ambient token once per batch, so a cancelled run stops within a training step.
        using (AmbientCancellation.Use(options.Cancellation))
        {
            runner.Run(sweep, r =>
            {
                var outcome = PseudoLidarCaseStudy.RunSeed(config, r.Seed, options.Progress);
                return new RunOutcome(outcome.ToLosses()) { Outcomes = outcome.Objects };
            }, options.Cancellation);
        }

        var wanted = sweep.Runs().ToDictionary(r => r.Key, r => r.Seed);
        var found = store.Runs(Name).Where(r => wanted.ContainsKey(r.Key)).ToDictionary(r => wanted[r.Key], r => r.Losses);
        if (found.Count != wanted.Count)
        {
            throw new IncompleteSweepException(Name, options.Shard, wanted.Count - found.Count, store.Path);
        }

        return PseudoLidarCaseStudy.Result.Aggregate(config, [.. config.Seeds.Select(s => SeedOutcome.FromLosses(s, found[s], config.RunAppendix))]);
    }
}
