using Entanglement.Diagnostics;

namespace Entanglement.Mitigations;

/// <summary>
/// One seed's update of one experiment made with one mitigation: the upstream's own test loss and the retrained
/// downstream's test loss before and after, and how each vertex's per-example correctness flipped (after against before).
/// </summary>
public sealed record MitigatedUpdate
{
    public required Mitigation Mitigation { get; init; }

    /// <summary>ℓ_v of the original upstream (as the mitigation leaves or changes it).</summary>
    public required double UpstreamBefore { get; init; }

    /// <summary>ℓ_v of the improved upstream.</summary>
    public required double UpstreamAfter { get; init; }

    /// <summary>ℓ_w of the downstream trained on the original upstream.</summary>
    public required double DownstreamBefore { get; init; }

    /// <summary>ℓ_w of the downstream retrained on the improved upstream.</summary>
    public required double DownstreamAfter { get; init; }

    /// <summary>The downstream's flips on the fixed test set.</summary>
    public required FlipMetrics DownstreamFlips { get; init; }

    /// <summary>The upstream's flips on its own task's test examples (right = its own prediction is correct).</summary>
    public required FlipMetrics UpstreamFlips { get; init; }

    /// <summary>The downstream's change ℓ_w(after) − ℓ_w(before).</summary>
    public double DownstreamChange => DownstreamAfter - DownstreamBefore;

    /// <summary>The numbers by name, as the results store keeps them (non-finite values left out).</summary>
    public IEnumerable<KeyValuePair<string, double>> ToLosses()
    {
        var prefix = Mitigation.ToString();
        (string Name, double Value)[] all =
        [
            ("upstream.before", UpstreamBefore), ("upstream.after", UpstreamAfter),
            ("downstream.before", DownstreamBefore), ("downstream.after", DownstreamAfter),
            ("downstream.nfr", DownstreamFlips.NegativeFlipRate), ("downstream.pfr", DownstreamFlips.PositiveFlipRate),
            ("upstream.nfr", UpstreamFlips.NegativeFlipRate), ("upstream.pfr", UpstreamFlips.PositiveFlipRate),
        ];
        return all.Where(e => double.IsFinite(e.Value)).Select(e => KeyValuePair.Create($"{prefix}.{e.Name}", e.Value));
    }
}
