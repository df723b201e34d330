namespace Entanglement.Diagnostics;

/// <summary>
/// What <see cref="LocalizedDiagnoser"/> reads about one upstream update and one retrained downstream: the upstream's
/// own test loss per seed before and after, and (for the seeds that recorded them) the per-example outcomes.
/// </summary>
public sealed record LocalizedUpdate
{
    /// <summary>The case, e.g. "Section 5, pedestrian detector w".</summary>
    public required string Experiment { get; init; }

    /// <summary>The updated upstream in words, e.g. "depth estimator u → u′".</summary>
    public required string Upstream { get; init; }

    /// <summary>The upstream's own test loss, e.g. "depth MAE (m)".</summary>
    public required string UpstreamLoss { get; init; }

    /// <summary>The retrained downstream in words.</summary>
    public required string Downstream { get; init; }

    /// <summary>What a wrong downstream outcome is called, e.g. "miss rate".</summary>
    public string ErrorName { get; init; } = "error rate";

    /// <summary>What the upstream's per-example error is, e.g. "depth error on the object".</summary>
    public string ExampleError { get; init; } = "upstream error on the example";

    /// <summary>Every seed, in the order of <see cref="UpstreamBefore"/> and <see cref="UpstreamAfter"/>.</summary>
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>The upstream's own test loss per seed before the update.</summary>
    public required IReadOnlyList<double> UpstreamBefore { get; init; }

    /// <summary>The upstream's own test loss per seed after the update.</summary>
    public required IReadOnlyList<double> UpstreamAfter { get; init; }

    /// <summary>Per-example outcomes of the seeds that recorded them (older runs did not).</summary>
    public required IReadOnlyList<LocalizedOutcomes> Outcomes { get; init; }

    /// <summary>Further measured quantities shown with the evidence (they never decide the verdict).</summary>
    public IReadOnlyList<EvidenceRow> Context { get; init; } = [];
}
