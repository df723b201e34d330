namespace Entanglement.Diagnostics;

/// <summary>
/// How one vertex's per-example correctness changed between two versions h₁ (before) and h₂ (after) on the same fixed
/// test examples. The negative flip rate is the share of examples right before and wrong after (Yan et al., 2021,
/// "Positive-congruent training"); the positive flip rate the reverse, so error(after) − error(before) = NFR − PFR.
/// BTC and BEC follow Microsoft's BackwardCompatibilityML (<c>backwardcompatibilityml/scores.py</c>,
/// <c>trust_compatibility_score</c> and <c>error_compatibility_score</c>): BTC = #(h₁ right and h₂ right) / #(h₁ right),
/// BEC = #(h₁ wrong and h₂ wrong) / #(h₁ wrong), each 0 when its denominator is 0, as that library returns.
/// </summary>
/// <param name="Count">Examples compared (those present in both versions).</param>
/// <param name="ErrorBefore">Error rate of h₁ on them.</param>
/// <param name="ErrorAfter">Error rate of h₂ on them.</param>
/// <param name="NegativeFlipRate">Share right before and wrong after.</param>
/// <param name="PositiveFlipRate">Share wrong before and right after.</param>
/// <param name="Btc">Backward trust compatibility.</param>
/// <param name="Bec">Backward error compatibility.</param>
public sealed record FlipMetrics(
    int Count, double ErrorBefore, double ErrorAfter, double NegativeFlipRate, double PositiveFlipRate, double Btc, double Bec)
{
    /// <summary>Compares two versions of one vertex on the examples (by id) they share.</summary>
    public static FlipMetrics Of(VertexOutcomes before, VertexOutcomes after)
    {
        var (b, a) = Align(before, after);
        return Of(b, a);
    }

    /// <summary>The metrics per data-set class of the shared examples, keyed by class.</summary>
    public static IReadOnlyDictionary<int, FlipMetrics> PerClass(VertexOutcomes before, VertexOutcomes after)
    {
        var (b, a) = Align(before, after);
        var classes = new SortedDictionary<int, List<int>>();
        for (var i = 0; i < b.Length; i++)
        {
            if (!classes.TryGetValue(b[i].Class, out var rows))
            {
                classes[b[i].Class] = rows = [];
            }

            rows.Add(i);
        }

        return classes.ToDictionary(kv => kv.Key, kv => Of([.. kv.Value.Select(i => b[i])], [.. kv.Value.Select(i => a[i])]));
    }

    private static FlipMetrics Of((bool Right, int Class)[] before, (bool Right, int Class)[] after)
    {
        int bothRight = 0, bothWrong = 0, negative = 0, positive = 0;
        for (var i = 0; i < before.Length; i++)
        {
            switch (before[i].Right, after[i].Right)
            {
                case (true, true): bothRight++; break;
                case (false, false): bothWrong++; break;
                case (true, false): negative++; break;
                default: positive++; break;
            }
        }

        double n = before.Length;
        var rightBefore = bothRight + negative;
        var wrongBefore = bothWrong + positive;
        return n == 0
            ? new FlipMetrics(0, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN, double.NaN)
            : new FlipMetrics(
                before.Length, wrongBefore / n, (bothWrong + negative) / n, negative / n, positive / n,
                rightBefore == 0 ? 0 : bothRight / (double)rightBefore,
                wrongBefore == 0 ? 0 : bothWrong / (double)wrongBefore);
    }

    private static ((bool Right, int Class)[] Before, (bool Right, int Class)[] After) Align(VertexOutcomes before, VertexOutcomes after)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        var position = new Dictionary<int, int>(after.Count);
        for (var j = 0; j < after.Count; j++)
        {
            position[after.Ids[j]] = j;
        }

        var b = new List<(bool, int)>();
        var a = new List<(bool, int)>();
        for (var i = 0; i < before.Count; i++)
        {
            if (position.TryGetValue(before.Ids[i], out var j))
            {
                if (before.Labels[i] != after.Labels[j])
                {
                    throw new ArgumentException(
                        $"FlipMetrics: example {before.Ids[i]} has label {before.Labels[i]} before and {after.Labels[j]} after; " +
                        "the versions are not on the same task.", nameof(after));
                }

                b.Add((before.IsCorrect(i), before.Classes[i]));
                a.Add((after.IsCorrect(j), before.Classes[i]));
            }
        }

        return ([.. b], [.. a]);
    }
}
