using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Experiments;

/// <summary>Higher-order entanglement's "Why" from the results store (nothing is trained).</summary>
public static class HigherOrderOutcomes
{
    /// <summary>
    /// How the upstreams' errors combine for every subset, from the stored seeds of <paramref name="config"/>. Throws
    /// <see cref="MissingOutcomesException"/> naming the command to run when the store holds none.
    /// </summary>
    public static HigherOrderWhy Why(HigherOrderEntanglement.Config config, string? storePath = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var runs = StoredSeeds.Latest(HigherOrderExperiment.Name, config, config.Profile.Name, config.Seeds, storePath);
        return HigherOrderWhy.Of(config.Profile, [.. runs.Select(r => (r.Seed, r.Outcomes))]);
    }
}
