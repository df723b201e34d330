using System.Text.Json;
using Entanglement.Scenarios.HigherOrder;
using Entanglement.Scenarios.Engines;

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
        var path = storePath ?? ExperimentOptions.DefaultStorePath();
        var command = $"workbook run {HigherOrderExperiment.Name} --profile {config.Profile.Name} --store {path}";
        if (!File.Exists(path))
        {
            throw new MissingOutcomesException($"No results store at '{path}'. Run `{command}` first.");
        }

        var hash = EngineTag.Apply(ConfigHash.OfSweepConfig(config), TrainingEngines.Current).Hash;
        using var store = ResultsStore.OpenReadOnly(path);
        var seeds = store.RunsWithOutcomes(HigherOrderExperiment.Name)
            .Where(r => r.Profile == config.Profile.Name && config.Seeds.Contains(r.Seed)
                && JsonSerializer.Deserialize<ExperimentPoint>(r.PointJson) is { } p && p.Config == hash)
            .GroupBy(r => r.Seed)
            .Select(g => g.Last())
            .OrderBy(r => r.Seed)
            .Select(r => (r.Seed, r.Outcomes))
            .ToArray();
        return seeds.Length == 0
            ? throw new MissingOutcomesException(
                $"The store '{path}' holds no runs of {HigherOrderExperiment.Name} on the {config.Profile.Name} profile's current settings. Run `{command}`.")
            : HigherOrderWhy.Of(config.Profile, seeds);
    }
}
