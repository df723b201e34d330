using System.Text.Json;
using Entanglement.Scenarios.Engines;
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
        var path = storePath ?? ExperimentOptions.DefaultStorePath();
        var command = $"workbook run {PseudoLidarExperiment.Name} --profile {config.Profile.Name} --store {path}";
        if (!File.Exists(path))
        {
            throw new MissingOutcomesException($"No results store at '{path}'. Run `{command}` first.");
        }

        var hash = EngineTag.Apply(ConfigHash.OfSweepConfig(config), TrainingEngines.Current).Hash;
        using var store = ResultsStore.OpenReadOnly(path);
        var seeds = store.RunsWithOutcomes(PseudoLidarExperiment.Name)
            .Where(r => r.Profile == config.Profile.Name && config.Seeds.Contains(r.Seed)
                && JsonSerializer.Deserialize<ExperimentPoint>(r.PointJson) is { } p && p.Config == hash)
            .GroupBy(r => r.Seed)
            .Select(g => g.Last())
            .OrderBy(r => r.Seed)
            .Select(r => SeedOutcome.FromLosses(r.Seed, r.Losses, config.RunAppendix) with { Objects = r.Outcomes })
            .ToArray();
        return seeds.Length == 0
            ? throw new MissingOutcomesException(
                $"The store '{path}' holds no runs of {PseudoLidarExperiment.Name} on the {config.Profile.Name} profile's current settings. Run `{command}`.")
            : seeds;
    }

    /// <summary>Flips, miss split, change decomposition and diagnosis of every detector, from the stored seeds.</summary>
    public static CaseStudyWhy Why(PseudoLidarCaseStudy.Config config, string? storePath = null, double alpha = 0.05) =>
        CaseStudyWhy.Of(config, Load(config, storePath), alpha);
}
