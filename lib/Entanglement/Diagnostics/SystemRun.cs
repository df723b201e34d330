namespace Entanglement.Diagnostics;

/// <summary>One trained system (a knob point and a seed) with the per-example outcomes of its vertices by name.</summary>
/// <param name="PointIndex">Position of the knob value in the sweep.</param>
/// <param name="Seed">The run's seed.</param>
/// <param name="Vertices">Outcomes by vertex name (<see cref="OutcomeSweep"/> names the roles).</param>
public sealed record SystemRun(int PointIndex, int Seed, IReadOnlyDictionary<string, VertexOutcomes> Vertices)
{
    /// <summary>The outcomes of <paramref name="vertex"/>, or an error naming what the run holds.</summary>
    public VertexOutcomes this[string vertex] => Vertices.TryGetValue(vertex, out var v)
        ? v
        : throw new KeyNotFoundException(
            $"Run (point {PointIndex}, seed {Seed}) has no outcomes for '{vertex}'; it has: {string.Join(", ", Vertices.Keys)}.");

    /// <summary>Builds a run from a list of outcomes (names must be distinct).</summary>
    public static SystemRun Of(int pointIndex, int seed, IEnumerable<VertexOutcomes> outcomes)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return new SystemRun(pointIndex, seed, outcomes.ToDictionary(o => o.Vertex, StringComparer.Ordinal));
    }
}
