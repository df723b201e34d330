namespace Entanglement.Scenarios.Fairness;

/// <summary>Group-fairness gaps of a classifier's predictions between two groups (0 and 1).</summary>
public static class FairnessGap
{
    /// <summary>
    /// The equalised-odds gap (Hardt et al., 2016): max over true class j and predicted class k of
    /// |P(ŷ = k | y = j, group 0) − P(ŷ = k | y = j, group 1)|. For two classes this is
    /// max(|TPR₀ − TPR₁|, |FPR₀ − FPR₁|). Classes absent from either group are skipped.
    /// </summary>
    public static double EqualisedOdds(IReadOnlyList<int> predictions, IReadOnlyList<int> labels, IReadOnlyList<int> groups, int classes)
    {
        Check(predictions, labels, groups, classes);
        var gap = 0.0;
        for (var j = 0; j < classes; j++)
        {
            var inGroup = new[] { Rows(labels, groups, j, 0), Rows(labels, groups, j, 1) };
            if (inGroup[0].Length == 0 || inGroup[1].Length == 0)
            {
                continue;
            }

            for (var k = 0; k < classes; k++)
            {
                var rate0 = inGroup[0].Count(i => predictions[i] == k) / (double)inGroup[0].Length;
                var rate1 = inGroup[1].Count(i => predictions[i] == k) / (double)inGroup[1].Length;
                gap = Math.Max(gap, Math.Abs(rate0 - rate1));
            }
        }

        return gap;
    }

    /// <summary>The demographic-parity gap: max over predicted class k of |P(ŷ = k | group 0) − P(ŷ = k | group 1)|.</summary>
    public static double DemographicParity(IReadOnlyList<int> predictions, IReadOnlyList<int> groups, int classes)
    {
        Check(predictions, predictions, groups, classes);
        var g0 = Enumerable.Range(0, groups.Count).Where(i => groups[i] == 0).ToArray();
        var g1 = Enumerable.Range(0, groups.Count).Where(i => groups[i] == 1).ToArray();
        if (g0.Length == 0 || g1.Length == 0)
        {
            throw new ArgumentException("DemographicParity: both groups need at least one example.", nameof(groups));
        }

        return Enumerable.Range(0, classes).Max(k =>
            Math.Abs((g0.Count(i => predictions[i] == k) / (double)g0.Length) - (g1.Count(i => predictions[i] == k) / (double)g1.Length)));
    }

    /// <summary>Zero-one error within group <paramref name="group"/>.</summary>
    public static double GroupError(IReadOnlyList<int> predictions, IReadOnlyList<int> labels, IReadOnlyList<int> groups, int group)
    {
        Check(predictions, labels, groups, classes: 1);
        var rows = Enumerable.Range(0, groups.Count).Where(i => groups[i] == group).ToArray();
        return rows.Length == 0
            ? throw new ArgumentException($"GroupError: no example of group {group}.", nameof(groups))
            : rows.Count(i => predictions[i] != labels[i]) / (double)rows.Length;
    }

    private static int[] Rows(IReadOnlyList<int> labels, IReadOnlyList<int> groups, int label, int group) =>
        [.. Enumerable.Range(0, labels.Count).Where(i => labels[i] == label && groups[i] == group)];

    private static void Check(IReadOnlyList<int> predictions, IReadOnlyList<int> labels, IReadOnlyList<int> groups, int classes)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(groups);
        ArgumentOutOfRangeException.ThrowIfLessThan(classes, 1);
        if (predictions.Count != labels.Count || labels.Count != groups.Count)
        {
            throw new ArgumentException(
                $"FairnessGap: {predictions.Count} predictions, {labels.Count} labels and {groups.Count} group ids must match.", nameof(predictions));
        }

        if (groups.Any(g => g is not (0 or 1)))
        {
            throw new ArgumentException("FairnessGap: group ids must be 0 or 1.", nameof(groups));
        }
    }
}
