namespace Entanglement.Experiments;

/// <summary>A finished run as held in a <see cref="ResultsStore"/>.</summary>
/// <param name="Key">Unique key (<see cref="SweepRun{TPoint}.Key"/>).</param>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Profile">Profile name.</param>
/// <param name="PointIndex">Position of the point in the sweep's grid.</param>
/// <param name="PointJson">The parameter point as JSON.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="ConfigJson">The scenario's full configuration as JSON.</param>
/// <param name="DatasetHash">Hash of the data set used.</param>
/// <param name="LibraryVersion">Informational version of the Entanglement library that computed it.</param>
/// <param name="FinishedUtc">When the run finished, ISO 8601 UTC.</param>
/// <param name="Seconds">Wall-clock duration of the run.</param>
/// <param name="Losses">Every named test loss and metric.</param>
/// <param name="Timings">Named durations in seconds.</param>
public sealed record StoredRun(
    string Key,
    string Scenario,
    string Profile,
    int PointIndex,
    string PointJson,
    int Seed,
    string ConfigJson,
    string DatasetHash,
    string LibraryVersion,
    string FinishedUtc,
    double Seconds,
    IReadOnlyDictionary<string, double> Losses,
    IReadOnlyDictionary<string, double> Timings)
{
    /// <summary>
    /// Per-example outcomes of every vertex on the fixed test set (empty for runs stored before schema version 2, for
    /// scenarios that keep none, and when read without outcomes).
    /// </summary>
    public IReadOnlyList<Diagnostics.VertexOutcomes> Outcomes { get; init; } = Array.Empty<Diagnostics.VertexOutcomes>();
}
