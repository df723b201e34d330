using System.Globalization;
using System.Text;
using Entanglement.Systems;

namespace Entanglement.Scenarios;

/// <summary>
/// Upstream and downstream test losses of one experiment over a swept knob and several seeds: the data behind the
/// paper's Figure 4(a)–(c) and the toy illustrations. Loss arrays are indexed [knob point][seed].
/// </summary>
public sealed record SweepResult : SweepShape
{
    /// <summary>ℓ_v per knob point and seed.</summary>
    public required double[][] Upstream { get; init; }

    /// <summary>ℓ_w per knob point and seed.</summary>
    public required double[][] Downstream { get; init; }

    /// <summary>Mean and sample standard deviation of ℓ_v per knob point.</summary>
    public IReadOnlyList<SampleSummary> UpstreamSummary => [.. Upstream.Select(SampleSummary.Of)];

    public IReadOnlyList<SampleSummary> DownstreamSummary => [.. Downstream.Select(SampleSummary.Of)];

    /// <summary>
    /// Definition 2.1 between the sweep's endpoints: v = the first knob value, v′ = the last; over seeds, with
    /// Welch's test for both the upstream's and the downstream's change.
    /// </summary>
    public SelfDefeatingReport Verdict => SelfDefeatingReport.Of(
        new LossSamples($"v ({UpstreamLoss})", Upstream[0], Upstream[^1]),
        [new LossSamples($"w ({DownstreamLoss})", Downstream[0], Downstream[^1])]);

    /// <summary>What this run found, in words computed from its numbers.</summary>
    public string Summary
    {
        get
        {
            var v = Verdict;
            var up = v.Updated.Test;
            var down = v.Descendants[0].Test;
            var first = FormatKnob(KnobValues[0]);
            var last = FormatKnob(KnobValues[^1]);
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture,
                $"{Experiment}, {Provenance}. From {Knob} = {first} to {Knob} = {last}, the upstream {UpstreamLoss} went ");
            sb.Append(CultureInfo.InvariantCulture,
                $"{up.Before.Mean:G3} → {up.After.Mean:G3} (Welch {PValue(up)}) and the retrained downstream {DownstreamLoss} ");
            sb.Append(CultureInfo.InvariantCulture, $"{down.Before.Mean:G3} → {down.After.Mean:G3} ({PValue(down)}). ");
            sb.Append(v switch
            {
                { IsSelfDefeating: true, IsSignificant: true } => "A self-defeating improvement, significant at 0.05 for both changes.",
                { IsSelfDefeating: true } => "The direction of a self-defeating improvement, but not significant at 0.05 for both changes: a trend, not a finding.",
                { Improves: false } => "The upstream did not improve along this sweep, so Definition 2.1 does not apply.",
                _ => "No self-defeating improvement: the downstream did not get worse.",
            });
            return sb.ToString();
        }
    }

    /// <summary>"p = 0.012", or why the p-value is undefined (Welch's test needs two seeds on each side).</summary>
    public static string PValue(WelchTest test)
    {
        ArgumentNullException.ThrowIfNull(test);
        return double.IsFinite(test.PValue)
            ? string.Create(CultureInfo.InvariantCulture, $"p = {test.PValue:G2}")
            : string.Create(CultureInfo.InvariantCulture,
                $"p undefined: {Math.Min(test.Before.Count, test.After.Count)} seed(s), the test needs at least two");
    }

    /// <summary>Attaches losses to a shape; arrays must be [points][seeds].</summary>
    public static SweepResult From(SweepShape shape, double[][] upstream, double[][] downstream)
    {
        ArgumentNullException.ThrowIfNull(shape);
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(downstream);
        if (upstream.Length != shape.KnobValues.Count || downstream.Length != shape.KnobValues.Count
            || upstream.Concat(downstream).Any(row => row.Length != shape.Seeds.Count))
        {
            throw new ArgumentException(
                $"SweepResult: losses must be {shape.KnobValues.Count} points × {shape.Seeds.Count} seeds for '{shape.Experiment}'.");
        }

        return new SweepResult
        {
            Experiment = shape.Experiment,
            Knob = shape.Knob,
            KnobDescription = shape.KnobDescription,
            KnobValues = shape.KnobValues,
            UpstreamModel = shape.UpstreamModel,
            DownstreamModel = shape.DownstreamModel,
            UpstreamLoss = shape.UpstreamLoss,
            DownstreamLoss = shape.DownstreamLoss,
            Profile = shape.Profile,
            Seeds = shape.Seeds,
            Settings = shape.Settings,
            Upstream = upstream,
            Downstream = downstream,
        };
    }
}
