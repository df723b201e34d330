namespace Entanglement.Scenarios;

/// <summary>The test losses of one (knob point, seed) run: ℓ_v of the upstream and ℓ_w of the retrained downstream.</summary>
public sealed record RunLosses(double Upstream, double Downstream)
{
    /// <summary>Per-example outcomes of the run's vertices (and probes) on the fixed test set; empty when not kept.</summary>
    public IReadOnlyList<Diagnostics.VertexOutcomes> Outcomes { get; init; } = Array.Empty<Diagnostics.VertexOutcomes>();

    /// <summary>Value equality, outcomes compared entry by entry (so a repeated run can be checked bit for bit).</summary>
    public bool Equals(RunLosses? other) =>
        other is not null && Upstream.Equals(other.Upstream) && Downstream.Equals(other.Downstream)
        && Outcomes.SequenceEqual(other.Outcomes);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Upstream, Downstream, Outcomes.Count);
}
