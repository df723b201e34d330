using System.Text.Json;

namespace Entanglement.Experiments;

/// <summary>
/// A sweep: one scenario on one profile over a grid of parameter points × seeds. Its runs are listed point-major,
/// seed-minor; that order defines the shards.
/// </summary>
/// <param name="Scenario">Scenario name, e.g. <c>loss-function-mismatch</c>.</param>
/// <param name="Profile">Profile name, e.g. <c>quick</c>.</param>
/// <param name="Points">The parameter grid (e.g. the values of r), each point a typed record or number.</param>
/// <param name="Seeds">The seeds run at every point.</param>
public sealed record Sweep<TPoint>(string Scenario, string Profile, IReadOnlyList<TPoint> Points, IReadOnlyList<int> Seeds)
{
    /// <summary>The full configuration of the scenario on this profile, as JSON, stored with every run.</summary>
    public string ConfigJson { get; init; } = "{}";

    /// <summary>Hash of the data set the runs use (e.g. SHA-256 of the embedded digits), stored with every run.</summary>
    public string DatasetHash { get; init; } = "";

    /// <summary>Every run, point-major then seed.</summary>
    public IReadOnlyList<SweepRun<TPoint>> Runs()
    {
        ArgumentException.ThrowIfNullOrEmpty(Scenario);
        ArgumentException.ThrowIfNullOrEmpty(Profile);
        if (Seeds.Distinct().Count() != Seeds.Count)
        {
            throw new ArgumentException($"Sweep '{Scenario}': seeds must be distinct.", nameof(Seeds));
        }

        var runs = new List<SweepRun<TPoint>>(Points.Count * Seeds.Count);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        for (var p = 0; p < Points.Count; p++)
        {
            var json = JsonSerializer.Serialize(Points[p]);
            if (!keys.Add(json))
            {
                throw new ArgumentException($"Sweep '{Scenario}': point {json} appears twice.", nameof(Points));
            }

            runs.AddRange(Seeds.Select(seed => new SweepRun<TPoint>(Scenario, Profile, p, Points[p], json, seed)));
        }

        return runs;
    }

    /// <summary>The runs of one shard, in sweep order.</summary>
    public IReadOnlyList<SweepRun<TPoint>> Runs(Shard shard) => Runs().Where((_, i) => shard.Includes(i)).ToList();
}
