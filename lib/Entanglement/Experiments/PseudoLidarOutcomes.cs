using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Experiments;

/// <summary>
/// The pseudo-LiDAR case studies' "Why" from the results store: each stored seed's numbers and per-object outcomes
/// (nothing is trained). Seeds stored before per-object outcomes were kept read as "not recorded".
/// </summary>
public static class PseudoLidarOutcomes
{
    /// <summary>
    /// The stored seeds of <paramref name="config"/> (its profile and current settings) with their per-object outcomes.
    /// Throws <see cref="MissingOutcomesException"/> naming the command to run when the store holds none.
    /// </summary>
    public static IReadOnlyList<SeedOutcome> Load(PseudoLidarCaseStudy.Config config, string? storePath = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return
        [
            .. StoredSeeds.Latest(PseudoLidarExperiment.Name, config, config.Profile.Name, config.Seeds, storePath)
                .Select(r => SeedOutcome.FromLosses(r.Seed, r.Losses, config.RunAppendix) with { Objects = r.Outcomes }),
        ];
    }

    /// <summary>Flips, miss split, change decomposition and diagnosis of every detector, from the stored seeds.</summary>
    public static CaseStudyWhy Why(PseudoLidarCaseStudy.Config config, string? storePath = null, double alpha = 0.05) =>
        CaseStudyWhy.Of(config, Load(config, storePath), alpha);
}
