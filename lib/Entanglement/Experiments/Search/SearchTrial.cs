using Entanglement.Scenarios;

namespace Entanglement.Experiments.Search;

/// <summary>
/// One setting tried by a search and what it gave: the endpoints of its sweep (v = first knob value, v′ = last), the
/// per-seed losses, Welch p-values and the verdict of Definition 2.1.
/// </summary>
public sealed record SearchTrial
{
    public required string Candidate { get; init; }

    public required string Rationale { get; init; }

    public required string Settings { get; init; }

    public required string Knob { get; init; }

    public required IReadOnlyList<double> KnobValues { get; init; }

    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Upstream test loss per knob value and seed.</summary>
    public required double[][] Upstream { get; init; }

    /// <summary>Downstream test loss per knob value and seed.</summary>
    public required double[][] Downstream { get; init; }

    public required double UpstreamBefore { get; init; }

    public required double UpstreamAfter { get; init; }

    /// <summary>Welch p of the upstream's change; null when undefined (fewer than two seeds).</summary>
    public double? UpstreamP { get; init; }

    public required double DownstreamBefore { get; init; }

    public required double DownstreamAfter { get; init; }

    /// <summary>Welch p of the downstream's change; null when undefined (fewer than two seeds).</summary>
    public double? DownstreamP { get; init; }

    /// <summary>One of <see cref="SearchVerdict"/>'s strings.</summary>
    public required string Verdict { get; init; }

    public required double Seconds { get; init; }

    public required DateTimeOffset FinishedUtc { get; init; }

    /// <summary>Summarises a finished sweep of <paramref name="candidate"/>.</summary>
    public static SearchTrial From(SearchCandidate candidate, SweepResult result, double seconds, DateTimeOffset finished)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(result);
        var verdict = result.Verdict;
        var up = verdict.Updated.Test;
        var down = verdict.Descendants[0].Test;
        return new SearchTrial
        {
            Candidate = candidate.Name,
            Rationale = candidate.Rationale,
            Settings = result.Settings,
            Knob = result.Knob,
            KnobValues = result.KnobValues,
            Seeds = result.Seeds,
            Upstream = result.Upstream,
            Downstream = result.Downstream,
            UpstreamBefore = up.Before.Mean,
            UpstreamAfter = up.After.Mean,
            UpstreamP = double.IsFinite(up.PValue) ? up.PValue : null,
            DownstreamBefore = down.Before.Mean,
            DownstreamAfter = down.After.Mean,
            DownstreamP = double.IsFinite(down.PValue) ? down.PValue : null,
            Verdict = SearchVerdict.Of(verdict),
            Seconds = seconds,
            FinishedUtc = finished,
        };
    }
}
