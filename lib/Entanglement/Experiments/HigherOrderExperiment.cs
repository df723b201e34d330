using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Experiments;

/// <summary>
/// Higher-order entanglement through the results store: one run per seed (reference, three noisy and three clean
/// upstreams, the downstream for all 8 subsets), committed as it finishes; resumable and shardable by seed.
/// </summary>
public static class HigherOrderExperiment
{
    /// <summary>The scenario's name in the store and on the command line.</summary>
    public const string Name = "higher-order-entanglement";

    /// <summary>Runs the seeds not yet in the store and assembles all of them.</summary>
    /// <exception cref="IncompleteSweepException">A shard finished but other shards' seeds are not in the store yet.</exception>
    public static HigherOrderResult Run(HigherOrderEntanglement.Config config, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new ExperimentOptions();
        var runs = StoredSweep.Run(Name, config, config.Profile, config.Dataset, [0.0], config.Seeds,
            (_, seed) =>
            {
                var outcome = HigherOrderEntanglement.RunOne(config, seed, options.Progress);
                return new RunOutcome(outcome.ToLosses()) { Outcomes = outcome.Outcomes };
            }, options);
        return new HigherOrderResult { Config = config, Seeds = [.. config.Seeds.Select(s => HigherOrderSeed.FromLosses(runs[(0, s)]))] };
    }
}
