namespace Entanglement.Experiments;

/// <summary>What one run of a sweep measured: named test losses and metrics, and optional named timings.</summary>
/// <param name="Losses">
/// Every test loss and metric by name (e.g. <c>upstream</c>, <c>downstream</c>); each value must be finite.
/// </param>
public sealed record RunOutcome(IReadOnlyDictionary<string, double> Losses)
{
    /// <summary>Named durations in seconds (e.g. <c>upstream-train</c>); the runner adds the total itself.</summary>
    public IReadOnlyDictionary<string, double> Timings { get; init; } = new Dictionary<string, double>();

    /// <summary>Per-example outcomes of the run's vertices on the fixed test set, stored beside the losses.</summary>
    public IReadOnlyList<Diagnostics.VertexOutcomes> Outcomes { get; init; } = [];
}
