namespace Entanglement.Scenarios;

/// <summary>
/// Upstream and downstream test losses of one experiment over a swept knob and several seeds: the data behind
/// the paper's Figure 4(a)–(c) and the toy illustrations. Arrays are indexed [knob point][seed].
/// </summary>
public sealed record SweepResult
{
    /// <summary>Experiment title with the paper's section, e.g. "Loss-function mismatch (§4.1.1)".</summary>
    public required string Experiment { get; init; }

    /// <summary>The swept knob's symbol as the paper names it, e.g. "r".</summary>
    public required string Knob { get; init; }

    /// <summary>What the knob means, e.g. "noisy examples per clean example".</summary>
    public required string KnobDescription { get; init; }

    public required IReadOnlyList<double> KnobValues { get; init; }

    /// <summary>Whether increasing the knob is meant to improve the upstream model (used to orient the comparison).</summary>
    public required bool KnobImprovesUpstream { get; init; }

    public required string UpstreamModel { get; init; }

    public required string DownstreamModel { get; init; }

    /// <summary>Name of the upstream test loss ℓ_v, e.g. "MSE".</summary>
    public required string UpstreamLoss { get; init; }

    /// <summary>Name of the downstream test loss ℓ_w, e.g. "zero-one error".</summary>
    public required string DownstreamLoss { get; init; }

    public required Profile Profile { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>ℓ_v per knob point and seed.</summary>
    public required double[][] Upstream { get; init; }

    /// <summary>ℓ_w per knob point and seed.</summary>
    public required double[][] Downstream { get; init; }

    /// <summary>The settings that produced the numbers, one line, stated on every chart and table.</summary>
    public required string Settings { get; init; }

    /// <summary>"profile quick, seeds 0–2" — what every chart caption carries.</summary>
    public string Provenance =>
        $"profile {Profile.Name}, seeds {string.Join(", ", Seeds)}";
}
