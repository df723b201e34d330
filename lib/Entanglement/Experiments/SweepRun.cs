using System.Globalization;

namespace Entanglement.Experiments;

/// <summary>One run of a sweep: a parameter point and a seed, with the stable key that identifies it in a store.</summary>
/// <param name="Scenario">Scenario name.</param>
/// <param name="Profile">Profile name (e.g. <c>quick</c>, <c>paper</c>).</param>
/// <param name="PointIndex">Position of the point in the sweep's grid.</param>
/// <param name="Point">The parameter point.</param>
/// <param name="PointJson">The point as JSON (System.Text.Json, declaration order), part of the key.</param>
/// <param name="Seed">The run's seed.</param>
public sealed record SweepRun<TPoint>(string Scenario, string Profile, int PointIndex, TPoint Point, string PointJson, int Seed)
{
    /// <summary>Stable key <c>scenario|profile|pointJson|seed</c>, unique in a results store.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"{Scenario}|{Profile}|{PointJson}|{Seed}");
}
