using System.Text.Json;
using Entanglement.Scenarios.Engines;

namespace Entanglement.Experiments;

/// <summary>Reading an experiment's stored seeds back for its "Why" (nothing is trained).</summary>
internal static class StoredSeeds
{
    /// <summary>
    /// The latest stored run of each of <paramref name="seeds"/> made with <paramref name="config"/> on the current
    /// engine, in seed order, outcomes included. Throws <see cref="MissingOutcomesException"/> naming the command to
    /// run when the store or the runs are missing.
    /// </summary>
    public static IReadOnlyList<StoredRun> Latest<T>(
        string experiment, T config, string profile, IReadOnlyCollection<int> seeds, string? storePath)
    {
        ArgumentNullException.ThrowIfNull(config);
        var path = storePath ?? ExperimentOptions.DefaultStorePath();
        var command = $"workbook run {experiment} --profile {profile} --store {path}";
        if (!File.Exists(path))
        {
            throw new MissingOutcomesException($"No results store at '{path}'. Run `{command}` first.");
        }

        var hash = EngineTag.Apply(ConfigHash.OfSweepConfig(config), TrainingEngines.Current).Hash;
        using var store = ResultsStore.OpenReadOnly(path);
        var runs = store.RunsWithOutcomes(experiment)
            .Where(r => r.Profile == profile && seeds.Contains(r.Seed)
                && JsonSerializer.Deserialize<ExperimentPoint>(r.PointJson) is { } p && p.Config == hash)
            .GroupBy(r => r.Seed)
            .Select(g => g.Last())
            .OrderBy(r => r.Seed)
            .ToArray();
        return runs.Length == 0
            ? throw new MissingOutcomesException(
                $"The store '{path}' holds no runs of {experiment} on the {profile} profile's current settings. Run `{command}`.")
            : runs;
    }
}
