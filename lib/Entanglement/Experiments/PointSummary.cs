using Entanglement.Systems;

namespace Entanglement.Experiments;

/// <summary>The runs of one parameter point aggregated over seeds: each named loss's mean and sample sd.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Profile">Profile name.</param>
/// <param name="PointIndex">Position of the point in the grid.</param>
/// <param name="PointJson">The point as JSON.</param>
/// <param name="Seeds">The seeds stored for this point, ascending.</param>
/// <param name="Losses">Per loss name, its summary over the seeds that recorded it.</param>
public sealed record PointSummary(
    string Scenario,
    string Profile,
    int PointIndex,
    string PointJson,
    IReadOnlyList<int> Seeds,
    IReadOnlyDictionary<string, SampleSummary> Losses)
{
    /// <summary>Groups runs by scenario, profile and point, in store order.</summary>
    public static IReadOnlyList<PointSummary> Of(IEnumerable<StoredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return runs
            .GroupBy(r => (r.Scenario, r.Profile, r.PointIndex, r.PointJson))
            .Select(g => new PointSummary(
                g.Key.Scenario, g.Key.Profile, g.Key.PointIndex, g.Key.PointJson,
                g.Select(r => r.Seed).Order().ToList(),
                g.SelectMany(r => r.Losses)
                    .GroupBy(kv => kv.Key, StringComparer.Ordinal)
                    .OrderBy(l => l.Key, StringComparer.Ordinal)
                    .ToDictionary(l => l.Key, l => SampleSummary.Of(l.Select(kv => kv.Value).ToList()), StringComparer.Ordinal)))
            .ToList();
    }
}
