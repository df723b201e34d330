namespace Entanglement.Scenarios.Fairness;

/// <summary>
/// One (λ, seed) run of the fairness scenario: the upstream's and the retrained downstream's equalised-odds gap,
/// demographic-parity gap and zero-one error overall and per group (0 = original style, 1 = restyled), on the test
/// set rendered in both styles.
/// </summary>
public sealed record FairnessRun
{
    public required double UpstreamEqualisedOdds { get; init; }

    public required double UpstreamDemographicParity { get; init; }

    public required double UpstreamError { get; init; }

    public required double UpstreamErrorMajority { get; init; }

    public required double UpstreamErrorMinority { get; init; }

    public required double DownstreamEqualisedOdds { get; init; }

    public required double DownstreamDemographicParity { get; init; }

    public required double DownstreamError { get; init; }

    public required double DownstreamErrorMajority { get; init; }

    public required double DownstreamErrorMinority { get; init; }

    /// <summary>The values by name, as the results store keeps them.</summary>
    public Dictionary<string, double> ToLosses() => new(StringComparer.Ordinal)
    {
        ["upstream"] = UpstreamEqualisedOdds,
        ["downstream"] = DownstreamEqualisedOdds,
        ["upstream-dp"] = UpstreamDemographicParity,
        ["downstream-dp"] = DownstreamDemographicParity,
        ["upstream-error"] = UpstreamError,
        ["upstream-error-g0"] = UpstreamErrorMajority,
        ["upstream-error-g1"] = UpstreamErrorMinority,
        ["downstream-error"] = DownstreamError,
        ["downstream-error-g0"] = DownstreamErrorMajority,
        ["downstream-error-g1"] = DownstreamErrorMinority,
    };

    /// <summary>The inverse of <see cref="ToLosses"/>.</summary>
    public static FairnessRun FromLosses(IReadOnlyDictionary<string, double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        return new FairnessRun
        {
            UpstreamEqualisedOdds = losses["upstream"],
            DownstreamEqualisedOdds = losses["downstream"],
            UpstreamDemographicParity = losses["upstream-dp"],
            DownstreamDemographicParity = losses["downstream-dp"],
            UpstreamError = losses["upstream-error"],
            UpstreamErrorMajority = losses["upstream-error-g0"],
            UpstreamErrorMinority = losses["upstream-error-g1"],
            DownstreamError = losses["downstream-error"],
            DownstreamErrorMajority = losses["downstream-error-g0"],
            DownstreamErrorMinority = losses["downstream-error-g1"],
        };
    }
}
