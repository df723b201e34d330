namespace Entanglement.Scenarios;

/// <summary>The test losses of one (knob point, seed) run: ℓ_v of the upstream and ℓ_w of the retrained downstream.</summary>
public sealed record RunLosses(double Upstream, double Downstream)
{
    /// <summary>Per-example outcomes of the run's vertices (and probes) on the fixed test set; empty when not kept.</summary>
    public IReadOnlyList<Diagnostics.VertexOutcomes> Outcomes { get; init; } = [];
}
