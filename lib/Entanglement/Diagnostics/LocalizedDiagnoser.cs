using System.Globalization;

namespace Entanglement.Diagnostics;

/// <summary>
/// Diagnoses a loss-function mismatch from where the downstream's new errors fall (for systems such as the pseudo-LiDAR
/// case study, whose downstream reads the upstream's output example by example). Loss-function mismatch is named only
/// when all three hold at α:
/// <list type="number">
/// <item>the upstream's own test loss fell (Welch over seeds);</item>
/// <item>the retrained downstream got worse: more examples turned wrong than right (McNemar's exact test on the
/// examples of all seeds pooled);</item>
/// <item>its new errors sit where the upstream's per-example error rose: among the examples the downstream got right
/// before, those whose upstream error rose turned wrong more often than the others (Fisher's exact test, one-sided, pooled).</item>
/// </list>
/// Otherwise the answer is "not diagnosed", with the conditions that failed. <see cref="Diagnosis.IsSelfDefeating"/>
/// here means conditions 1 and 2 (the downstream's worsening tested on the pooled examples, not over seeds).
/// </summary>
public static class LocalizedDiagnoser
{
    /// <summary>Diagnoses one update of one downstream.</summary>
    public static Diagnosis Diagnose(LocalizedUpdate update, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(update);
        if (update.UpstreamBefore.Count != update.Seeds.Count || update.UpstreamAfter.Count != update.Seeds.Count)
        {
            throw new ArgumentException(
                $"{update.Experiment}: {update.Seeds.Count} seeds but {update.UpstreamBefore.Count} and {update.UpstreamAfter.Count} upstream losses.", nameof(update));
        }

        var c = CultureInfo.InvariantCulture;
        var upstream = update.Seeds.Count < 2
            ? EvidenceRow.WithTest($"{update.Upstream}: own test loss, {update.UpstreamLoss}", [.. update.UpstreamBefore], [.. update.UpstreamAfter], double.NaN, "Welch, over seeds (needs 2)")
            : EvidenceRow.Of($"{update.Upstream}: own test loss, {update.UpstreamLoss}", [.. update.UpstreamBefore], [.. update.UpstreamAfter]);
        var rows = new List<EvidenceRow> { upstream };
        var failures = new List<string>();
        var upstreamImproved = upstream.Test.Difference < 0 && upstream.Test.PValue < alpha;
        if (!upstreamImproved)
        {
            failures.Add(update.Seeds.Count < 2
                ? "the upstream's improvement cannot be tested on one seed"
                : string.Create(c, $"the upstream's own loss did not fall significantly (Δ {upstream.Test.Difference:+0.####;-0.####;0}, p {upstream.Test.PValue:G2})"));
        }

        var perSeed = update.Outcomes.Select(o => o.Rows()).Where(r => r.Count > 0).ToArray();
        var downstreamWorse = false;
        var localized = false;
        if (perSeed.Length == 0)
        {
            failures.Add("no per-example outcomes were recorded for these runs");
        }
        else
        {
            var all = Count(perSeed, _ => true);
            var error = EvidenceRow.WithTest($"{update.Downstream}: {update.ErrorName}",
                Rates(perSeed, _ => true, r => r.WrongBefore), Rates(perSeed, _ => true, r => r.WrongAfter),
                ExactTests.McNemar(all.Negative, all.Positive), "McNemar exact, examples of all seeds pooled");
            var rose = Count(perSeed, r => r.UpstreamRose);
            var fell = Count(perSeed, r => !r.UpstreamRose);
            var whereRose = EvidenceRow.WithTest($"{update.Downstream}: {update.ErrorName} where the {update.ExampleError} rose",
                Rates(perSeed, r => r.UpstreamRose, r => r.WrongBefore), Rates(perSeed, r => r.UpstreamRose, r => r.WrongAfter),
                ExactTests.McNemar(rose.Negative, rose.Positive), "McNemar exact, pooled");
            var whereFell = EvidenceRow.WithTest($"{update.Downstream}: {update.ErrorName} where the {update.ExampleError} fell or held",
                Rates(perSeed, r => !r.UpstreamRose, r => r.WrongBefore), Rates(perSeed, r => !r.UpstreamRose, r => r.WrongAfter),
                ExactTests.McNemar(fell.Negative, fell.Positive), "McNemar exact, pooled");
            var fisher = ExactTests.FisherGreater(rose.Negative, rose.RightBefore - rose.Negative, fell.Negative, fell.RightBefore - fell.Negative);
            var newErrors = EvidenceRow.WithTest(
                $"{update.Downstream}: share of examples right before that turned wrong, where the {update.ExampleError} fell or held (before) vs rose (after)",
                Rates(perSeed, r => !r.UpstreamRose && !r.WrongBefore, r => r.WrongAfter), Rates(perSeed, r => r.UpstreamRose && !r.WrongBefore, r => r.WrongAfter),
                fisher, "Fisher exact, one-sided, pooled");
            rows.AddRange([error, whereRose, whereFell, newErrors]);
            downstreamWorse = all.Negative > all.Positive && error.Test.PValue < alpha;
            if (!downstreamWorse)
            {
                failures.Add(string.Create(c,
                    $"the downstream did not get significantly worse ({all.Negative} examples turned wrong, {all.Positive} turned right, p {error.Test.PValue:G2})"));
            }

            var rateRose = rose.RightBefore == 0 ? double.NaN : rose.Negative / (double)rose.RightBefore;
            var rateFell = fell.RightBefore == 0 ? double.NaN : fell.Negative / (double)fell.RightBefore;
            localized = rateRose > rateFell && fisher < alpha;
            if (!localized)
            {
                failures.Add(string.Create(c,
                    $"its new errors do not sit significantly where the {update.ExampleError} rose (turned wrong: {rose.Negative} of {rose.RightBefore} there, {fell.Negative} of {fell.RightBefore} elsewhere; Fisher p {fisher:G2})"));
            }
        }

        var diagnosed = upstreamImproved && downstreamWorse && localized;
        var marked = rows.Select(r => r with { Supports = diagnosed }).Concat(update.Context).ToArray();
        return new Diagnosis
        {
            Experiment = update.Experiment,
            Type = diagnosed ? EntanglementType.LossFunctionMismatch : EntanglementType.NotDiagnosed,
            IsSelfDefeating = upstreamImproved && downstreamWorse,
            Reason = diagnosed
                ? $"The upstream's own loss fell, the downstream got worse, and its new errors sit where the {update.ExampleError} rose: the upstream's training loss moved its errors onto the examples the downstream needs."
                : "Conditions that failed: " + string.Join("; ", failures) + ".",
            Evidence = marked,
            Seeds = update.Seeds,
            From = 0,
            To = 1,
            Alpha = alpha,
        };
    }

    private static (int Negative, int Positive, int RightBefore) Count(
        IReadOnlyList<(int Id, int Class, bool WrongBefore, bool WrongAfter, bool UpstreamRose)>[] perSeed,
        Func<(int Id, int Class, bool WrongBefore, bool WrongAfter, bool UpstreamRose), bool> where)
    {
        int negative = 0, positive = 0, right = 0;
        foreach (var r in perSeed.SelectMany(s => s).Where(where))
        {
            negative += !r.WrongBefore && r.WrongAfter ? 1 : 0;
            positive += r.WrongBefore && !r.WrongAfter ? 1 : 0;
            right += r.WrongBefore ? 0 : 1;
        }

        return (negative, positive, right);
    }

    /// <summary>Per seed, the share of the selected examples that <paramref name="wrong"/> marks; seeds with none are left out.</summary>
    private static double[] Rates(
        IReadOnlyList<(int Id, int Class, bool WrongBefore, bool WrongAfter, bool UpstreamRose)>[] perSeed,
        Func<(int Id, int Class, bool WrongBefore, bool WrongAfter, bool UpstreamRose), bool> where,
        Func<(int Id, int Class, bool WrongBefore, bool WrongAfter, bool UpstreamRose), bool> wrong) =>
        [.. perSeed.Select(s => s.Where(where).ToArray()).Where(s => s.Length > 0).Select(s => s.Count(wrong) / (double)s.Length)];
}
