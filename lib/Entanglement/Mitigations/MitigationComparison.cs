using System.Globalization;
using Entanglement.Systems;

namespace Entanglement.Mitigations;

/// <summary>
/// One experiment × mitigation over seeds: the downstream's change with the mitigation against without it (Welch's
/// test over seeds), whether the mitigated update is still a self-defeating improvement (Definition 2.1), what the
/// mitigation cost the upstream's own loss, and the downstream's flip rates. Not applicable: only the reason is set.
/// </summary>
public sealed record MitigationComparison
{
    public required string Experiment { get; init; }

    public required Mitigation Mitigation { get; init; }

    /// <summary>Why the mitigation does not apply, or null.</summary>
    public string? NotApplicable { get; init; }

    /// <summary>The unmitigated updates, one per seed.</summary>
    public IReadOnlyList<MitigatedUpdate> Without { get; init; } = [];

    /// <summary>The mitigated updates, one per seed (the same seeds).</summary>
    public IReadOnlyList<MitigatedUpdate> With { get; init; } = [];

    public double Alpha { get; init; } = 0.05;

    /// <summary>Downstream change per seed without the mitigation (before) against with it (after).</summary>
    public WelchTest? Change => NotApplicable is null
        ? WelchTest.Of([.. Without.Select(u => u.DownstreamChange)], [.. With.Select(u => u.DownstreamChange)])
        : null;

    /// <summary>Definition 2.1 on the mitigated update.</summary>
    public SelfDefeatingReport? Verdict => NotApplicable is null
        ? SelfDefeatingReport.Of(
            new LossSamples("upstream", [.. With.Select(u => u.UpstreamBefore)], [.. With.Select(u => u.UpstreamAfter)]),
            [new LossSamples("downstream", [.. With.Select(u => u.DownstreamBefore)], [.. With.Select(u => u.DownstreamAfter)])],
            Alpha)
        : null;

    /// <summary>The improved upstream's own loss with the mitigation against without it (positive: the mitigation costs).</summary>
    public WelchTest? UpstreamCost => NotApplicable is null
        ? WelchTest.Of([.. Without.Select(u => u.UpstreamAfter)], [.. With.Select(u => u.UpstreamAfter)])
        : null;

    /// <summary>Mean downstream negative flip rate of the mitigated update.</summary>
    public double NegativeFlipRate => With.Count == 0 ? double.NaN : With.Average(u => u.DownstreamFlips.NegativeFlipRate);

    /// <summary>Mean downstream positive flip rate of the mitigated update.</summary>
    public double PositiveFlipRate => With.Count == 0 ? double.NaN : With.Average(u => u.DownstreamFlips.PositiveFlipRate);

    /// <summary>Mean negative flip rate of the upstream against the previous upstream (what the compatibility penalty targets).</summary>
    public double UpstreamNegativeFlipRate => With.Count == 0 ? double.NaN : With.Average(u => u.UpstreamFlips.NegativeFlipRate);

    /// <summary>
    /// In words: "not applicable (…)", "the unmitigated update" (for <see cref="Mitigation.None"/>), "helps",
    /// "hurts" (the downstream's change is significantly smaller or larger with it) or "no significant effect".
    /// </summary>
    public string Effect
    {
        get
        {
            if (NotApplicable is { } reason)
            {
                return $"not applicable: {reason}";
            }

            if (Mitigation == Mitigation.None)
            {
                return "the unmitigated update";
            }

            if (Change is not { } test)
            {
                return "not measured";
            }

            var p = double.IsNaN(test.PValue) ? "p undefined" : string.Create(CultureInfo.InvariantCulture, $"p = {test.PValue:G2}");
            return test.PValue < Alpha
                ? test.Difference < 0 ? $"helps ({p})" : $"hurts ({p})"
                : $"does not help: no significant effect ({p})";
        }
    }
}
