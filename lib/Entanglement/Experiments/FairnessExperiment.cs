using Entanglement.Scenarios.Fairness;

namespace Entanglement.Experiments;

/// <summary>
/// The fairness sweep through the results store: one run per (λ, seed), each committed as it finishes; resumable and
/// shardable like the other sweeps.
/// </summary>
public static class FairnessExperiment
{
    /// <summary>The scenario's name in the store and on the command line.</summary>
    public const string Name = "fairness";

    /// <summary>Runs the (λ, seed) runs not yet in the store and assembles all of them.</summary>
    /// <exception cref="IncompleteSweepException">A shard finished but other shards' runs are not in the store yet.</exception>
    public static FairnessResult Run(FairerUpstream.Config config, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new ExperimentOptions();
        var runs = StoredSweep.Run(Name, config, config.Profile, config.Dataset, config.Lambda, config.Seeds,
            (k, seed) => new RunOutcome(FairerUpstream.RunOne(config, k, seed, options.Progress).ToLosses()), options);
        return new FairnessResult
        {
            Config = config,
            Runs = [.. config.Lambda.Select((_, k) => config.Seeds.Select(s => FairnessRun.FromLosses(runs[(k, s)])).ToArray())],
        };
    }
}
