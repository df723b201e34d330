using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.PseudoLidar;
using Entanglement.Scenarios.Training;

namespace Entanglement.Experiments;

/// <summary>
/// The depth estimator's range-weighting sweep (<see cref="DepthTradeoff"/>) through the results store: one run per
/// seed (every weight), committed as it finishes, so a repeated run or a re-rendered report only reads the store.
/// </summary>
public static class DepthTradeoffExperiment
{
    /// <summary>The sweep's name in the store.</summary>
    public const string Name = "depth-tradeoff";

    /// <summary>Runs the seeds of <paramref name="config"/> not yet in the store and aggregates all of them.</summary>
    public static DepthTradeoff.Result Run(DepthTradeoff.Config config, ExperimentOptions? options = null)
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
        var runner = new SweepRunner(store) { Shard = options.Shard, Workers = options.Workers };
        using (AmbientCancellation.Use(options.Cancellation))
        {
            runner.Run(sweep, r => new RunOutcome(DepthTradeoff.RunSeed(config, r.Seed, options.Progress)), options.Cancellation);
        }

        var wanted = sweep.Runs().ToDictionary(r => r.Key, r => r.Seed);
        var found = store.Runs(Name).Where(r => wanted.ContainsKey(r.Key)).ToDictionary(r => wanted[r.Key], r => r.Losses);
        if (found.Count != wanted.Count)
        {
            throw new IncompleteSweepException(Name, options.Shard, wanted.Count - found.Count, store.Path);
        }

        return DepthTradeoff.Result.Aggregate(config, [.. config.Seeds.Select(s => found[s])]);
    }
}
