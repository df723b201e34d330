using System.Globalization;

namespace Entanglement.Systems;

/// <summary>
/// Self-defeating improvement (paper, Definition 2.1) over seeds: the update <c>v → v′</c> lowers the mean of
/// <c>ℓ_v</c>, yet some descendant's retrained model <c>w′</c> has a higher mean <c>ℓ_w</c> than <c>w</c>; each
/// change comes with Welch's test so a reader can tell an effect from noise.
/// </summary>
/// <param name="Updated">The updated vertex v's own loss, before vs after.</param>
/// <param name="Descendants">Every descendant's loss, before vs after retraining.</param>
public sealed record SelfDefeatingReport(LossComparison Updated, IReadOnlyList<LossComparison> Descendants)
{
    /// <summary>The updated vertex v.</summary>
    public string Vertex => Updated.Vertex;

    /// <summary><c>ℓ_v(v′) ≤ ℓ_v(v)</c> in the mean over seeds.</summary>
    public bool Improves => Updated.Difference <= 0;

    /// <summary>Descendants whose mean loss went up.</summary>
    public IReadOnlyList<LossComparison> WorsenedDescendants => Descendants.Where(d => d.IsWorse).ToList();

    /// <summary>Definition 2.1 on the means: v improves and at least one descendant is worse.</summary>
    public bool IsSelfDefeating => Improves && WorsenedDescendants.Count > 0;

    /// <summary>Both halves are significant: v is significantly better and some descendant significantly worse.</summary>
    public bool IsSignificant => Updated.IsSignificantlyBetter && Descendants.Any(d => d.IsSignificantlyWorse);

    /// <summary>One line per vertex and a verdict, with invariant number formatting.</summary>
    public string Summary
    {
        get
        {
            var verdict = IsSelfDefeating
                ? IsSignificant
                    ? string.Format(CultureInfo.InvariantCulture, "self-defeating improvement (significant at {0})", Updated.Alpha)
                    : string.Format(CultureInfo.InvariantCulture, "self-defeating improvement (not significant at {0})", Updated.Alpha)
                : Improves ? "no self-defeating improvement: no descendant got worse" : $"'{Vertex}' did not improve";
            var lines = new[] { $"update of '{Vertex}': {verdict}", "  " + Updated }
                .Concat(Descendants.Select(d => "  " + d));
            return string.Join(Environment.NewLine, lines);
        }
    }

    /// <summary>Builds the report from raw losses over seeds of v and of each of its descendants.</summary>
    public static SelfDefeatingReport Of(LossSamples updated, IEnumerable<LossSamples> descendants, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(descendants);
        return new SelfDefeatingReport(
            LossComparison.Of(updated, alpha), descendants.Select(d => LossComparison.Of(d, alpha)).ToList());
    }

    /// <summary>Builds the report from one <see cref="SystemUpdate"/> per seed (all of the same vertex).</summary>
    public static SelfDefeatingReport Of(IReadOnlyList<SystemUpdate> updates, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(updates);
        if (updates.Count == 0 || updates.Any(u => u.Vertex != updates[0].Vertex))
        {
            throw new ArgumentException("SelfDefeatingReport: needs at least one update, all of the same vertex.", nameof(updates));
        }

        LossSamples Samples(string vertex) => new(
            vertex, updates.Select(u => u.LossesBefore[vertex]).ToList(), updates.Select(u => u.LossesAfter[vertex]).ToList());
        return Of(Samples(updates[0].Vertex), updates[0].Descendants.Select(Samples), alpha);
    }
}
