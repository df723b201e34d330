using System.Globalization;

namespace Entanglement.Diagnostics;

/// <summary>
/// Names the entanglement type behind a self-defeating improvement from per-example outcomes over seeds (paper §3's
/// four types). Every rule reads Welch's test (α) of a quantity measured per seed before and after the update:
/// <list type="number">
/// <item>Definition 2.1 direction: the updated upstream's own test loss falls and the retrained downstream's error
/// rises; otherwise "not diagnosed".</item>
/// <item><b>Anti-correlated errors</b> (two upstreams): the φ correlation of their error indicators changes
/// significantly, and the downstream's error on the examples both upstreams got wrong before (where their errors
/// cancelled) rises significantly.</item>
/// <item><b>Data-distribution mismatch</b> (the downstream uses a strict subset of the upstream's classes): the
/// upstream's own loss improves significantly on the classes the downstream does not use, gains less on those it
/// does, and there it got worse: its own loss rose, or the information for the downstream (below) fell significantly.</item>
/// <item><b>Loss-function mismatch</b>: the information the downstream needs falls: the k-NN estimate of the best
/// achievable downstream error on the upstream's outputs rises significantly.</item>
/// <item><b>Hypothesis-space mismatch</b>: the information does not fall (no significant rise), but the approximation
/// part (best in the downstream's class minus best achievable: a probe of the downstream's class, linear in §4.1.3, on
/// the upstream's outputs) rises significantly.</item>
/// </list>
/// The first rule that holds names the type; when none does the answer is "not diagnosed".
/// </summary>
public static class Diagnoser
{
    /// <summary>Diagnoses the update from knob point <paramref name="from"/> (default first) to <paramref name="to"/> (default last).</summary>
    public static Diagnosis Diagnose(OutcomeSweep sweep, int? from = null, int? to = null, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var a = from ?? 0;
        var b = to ?? (sweep.KnobValues.Count - 1);
        var seeds = sweep.PairedSeeds(a, b);
        if (seeds.Count < 2)
        {
            throw new ArgumentException($"{sweep.Experiment}: a diagnosis needs at least two seeds with runs at both ends; found {seeds.Count}.", nameof(sweep));
        }

        var before = seeds.Select(s => sweep.Run(a, s)).ToArray();
        var after = seeds.Select(s => sweep.Run(b, s)).ToArray();
        EvidenceRow Row(string quantity, Func<SystemRun, double> measure) =>
            EvidenceRow.Of(quantity, [.. before.Select(measure)], [.. after.Select(measure)]);
        bool Up(EvidenceRow r) => r.Test.Difference > 0 && r.Test.PValue < alpha;
        bool Down(EvidenceRow r) => r.Test.Difference < 0 && r.Test.PValue < alpha;

        var upstream = Row($"{sweep.Updated}: own test loss", r => r[sweep.Updated].MeanLoss);
        var downstream = Row($"{sweep.Downstream}: test error", r => r[sweep.Downstream].ErrorRate);
        var rows = new List<EvidenceRow> { upstream, downstream };
        Diagnosis Verdict(EntanglementType type, string reason, params EvidenceRow[] support)
        {
            var marked = rows.Select(r => support.Contains(r) || r == upstream || r == downstream ? r with { Supports = type != EntanglementType.NotDiagnosed } : r);
            var significant = Down(upstream) && Up(downstream);
            var prefix = type == EntanglementType.NotDiagnosed || significant
                ? string.Empty
                : "Definition 2.1 holds only as a trend (not significant for both changes). ";
            return new Diagnosis
            {
                Experiment = sweep.Experiment,
                Type = type,
                IsSelfDefeating = significant,
                Reason = prefix + reason,
                Evidence = [.. marked],
                Seeds = seeds,
                From = a,
                To = b,
                Alpha = alpha,
            };
        }

        if (!(upstream.Test.Difference < 0 && downstream.Test.Difference > 0))
        {
            return Verdict(EntanglementType.NotDiagnosed,
                "Not a self-defeating improvement: the upstream's own loss did not fall or the downstream's error did not rise.");
        }

        var hasProbes = sweep.Has(sweep.Information) && sweep.Has(sweep.InClass);
        EvidenceRow? information = null;
        EvidenceRow? approximation = null;
        if (hasProbes)
        {
            information = Row("information: k-NN error of the downstream's labels on the upstream outputs (best achievable)",
                r => r[sweep.Information].ErrorRate);
            approximation = Row("approximation: best in the downstream's class − best achievable",
                r => ErrorDecomposition.Of(sweep, r).Approximation);
            rows.Add(information);
            rows.Add(approximation);
            rows.Add(Row("estimation: trained downstream − best in its class", r => ErrorDecomposition.Of(sweep, r).Estimation));
        }

        if (sweep.OtherUpstreams.Count > 0)
        {
            var other = sweep.OtherUpstreams[0];
            var correlation = Row($"φ correlation of the errors of {sweep.Updated} and {other}",
                r => JointErrors.Of(r[sweep.Updated], r[other], r[sweep.Downstream]).Correlation);
            var cancelled = seeds.Select(s => CancelledSet(sweep.Run(a, s), sweep.Updated, other)).ToArray();
            var onCancelled = EvidenceRow.Of(
                $"{sweep.Downstream}: error on the examples both {sweep.Updated} and {other} got wrong before",
                [.. before.Select((r, i) => ErrorOn(r[sweep.Downstream], cancelled[i]))],
                [.. after.Select((r, i) => ErrorOn(r[sweep.Downstream], cancelled[i]))]);
            rows.Add(correlation);
            rows.Add(onCancelled);
            if (correlation.Test.PValue < alpha && Up(onCancelled))
            {
                return Verdict(EntanglementType.AntiCorrelatedErrors, string.Create(CultureInfo.InvariantCulture,
                    $"The correlation of the upstreams' errors changed ({correlation.Test.Difference:+0.###;-0.###}) and the downstream now errs where their errors used to cancel."),
                    correlation, onCancelled);
            }
        }

        var inside = sweep.Runs[0][sweep.Downstream].Classes.Distinct().ToHashSet();
        var upstreamClasses = sweep.Runs[0][sweep.Updated].Classes.Distinct().ToHashSet();
        if (inside.IsProperSubsetOf(upstreamClasses))
        {
            var outside = upstreamClasses.Except(inside).ToHashSet();
            var lossInside = Row($"{sweep.Updated}: own loss on the downstream's classes {{{string.Join(", ", inside.Order())}}}",
                r => r[sweep.Updated].WhereClass(inside).MeanLoss);
            var lossOutside = Row($"{sweep.Updated}: own loss on the other classes", r => r[sweep.Updated].WhereClass(outside).MeanLoss);
            rows.Add(lossInside);
            rows.Add(lossOutside);
            var worseInside = lossInside.Test.Difference > 0 || (information is not null && Up(information));
            if (Down(lossOutside) && lossInside.Test.Difference > lossOutside.Test.Difference && worseInside)
            {
                return Verdict(EntanglementType.DataDistributionMismatch,
                    "The upstream's improvement lies on classes the downstream does not use; on the classes it does, " +
                    (lossInside.Test.Difference > 0 ? "its own loss rose." : "the information the downstream needs fell."),
                    information is not null && Up(information) ? [lossInside, lossOutside, information] : [lossInside, lossOutside]);
            }
        }

        if (information is null || approximation is null)
        {
            return Verdict(EntanglementType.NotDiagnosed, "No decomposition probes were recorded, and no other rule held.");
        }

        if (Up(information))
        {
            return Verdict(EntanglementType.LossFunctionMismatch,
                "The upstream's own loss fell while the separability of the downstream's classes on its outputs fell: the " +
                "k-NN estimate of the best achievable downstream error rose.", information);
        }

        if (Up(approximation))
        {
            return Verdict(EntanglementType.HypothesisSpaceMismatch,
                "The information in the upstream's outputs did not fall, but the downstream's model class can no longer " +
                "use it: the best-in-class probe fell behind the best achievable.", information, approximation);
        }

        return Verdict(EntanglementType.NotDiagnosed,
            "No rule held at α: neither the information nor the approximation part rose significantly" +
            (rows.Count > 4 && Up(rows[4]) ? "; the rise is in the estimation part (the trained downstream against its class)." : "."));
    }

    private static HashSet<int> CancelledSet(SystemRun run, string first, string second)
    {
        var a = run[first];
        var wrongA = Enumerable.Range(0, a.Count).Where(i => !a.IsCorrect(i)).Select(i => a.Ids[i]).ToHashSet();
        var b = run[second];
        return [.. Enumerable.Range(0, b.Count).Where(i => !b.IsCorrect(i) && wrongA.Contains(b.Ids[i])).Select(i => b.Ids[i])];
    }

    private static double ErrorOn(VertexOutcomes vertex, HashSet<int> ids)
    {
        var rows = Enumerable.Range(0, vertex.Count).Where(i => ids.Contains(vertex.Ids[i])).ToArray();
        return rows.Length == 0 ? 0 : rows.Count(i => !vertex.IsCorrect(i)) / (double)rows.Length;
    }
}
