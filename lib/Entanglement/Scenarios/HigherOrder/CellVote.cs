namespace Entanglement.Scenarios.HigherOrder;

/// <summary>
/// Majority-style downstream models on k binary upstream answers: the fixed majority vote, and the retrained rule
/// (the Bayes-optimal rule for the 2^k answer cells estimated on training examples: per cell the majority label).
/// </summary>
public static class CellVote
{
    /// <summary>The cell of example <paramref name="i"/>: bit j = upstream j's answer.</summary>
    public static int Cell(IReadOnlyList<int[]> answers, int i)
    {
        ArgumentNullException.ThrowIfNull(answers);
        var cell = 0;
        for (var j = 0; j < answers.Count; j++)
        {
            cell |= answers[j][i] << j;
        }

        return cell;
    }

    /// <summary>The majority of the answers (k odd), per example.</summary>
    public static int[] Majority(IReadOnlyList<int[]> answers)
    {
        ArgumentNullException.ThrowIfNull(answers);
        if (answers.Count % 2 == 0)
        {
            throw new ArgumentException($"Majority: needs an odd number of voters, got {answers.Count}.", nameof(answers));
        }

        return [.. Enumerable.Range(0, answers[0].Length).Select(i => 2 * answers.Sum(a => a[i]) > answers.Count ? 1 : 0)];
    }

    /// <summary>
    /// The retrained rule: per cell the majority label of the fitting examples (a tie or an empty cell falls back to
    /// the majority vote of the answers), applied to <paramref name="apply"/>.
    /// </summary>
    public static int[] Fit(IReadOnlyList<int[]> fit, IReadOnlyList<int> fitLabels, IReadOnlyList<int[]> apply)
    {
        ArgumentNullException.ThrowIfNull(fit);
        ArgumentNullException.ThrowIfNull(fitLabels);
        ArgumentNullException.ThrowIfNull(apply);
        if (fit.Count != apply.Count || fit.Any(a => a.Length != fitLabels.Count))
        {
            throw new ArgumentException(
                $"CellVote.Fit: {fit.Count} fitting and {apply.Count} applied upstreams, {fitLabels.Count} labels.", nameof(fit));
        }

        var cells = 1 << fit.Count;
        var positive = new int[cells];
        var total = new int[cells];
        for (var i = 0; i < fitLabels.Count; i++)
        {
            var c = Cell(fit, i);
            total[c]++;
            positive[c] += fitLabels[i];
        }

        var n = apply.Count == 0 ? 0 : apply[0].Length;
        var answer = new int[n];
        for (var i = 0; i < n; i++)
        {
            var c = Cell(apply, i);
            var diff = (2 * positive[c]) - total[c];
            answer[i] = diff != 0 ? (diff > 0 ? 1 : 0) : 2 * int.PopCount(c) > fit.Count ? 1 : 0;
        }

        return answer;
    }

    /// <summary>Share of <paramref name="predictions"/> that differ from <paramref name="labels"/>.</summary>
    public static double Error(IReadOnlyList<int> predictions, IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(labels);
        if (predictions.Count != labels.Count || labels.Count == 0)
        {
            throw new ArgumentException($"Error: {predictions.Count} predictions for {labels.Count} labels.", nameof(predictions));
        }

        return predictions.Where((p, i) => p != labels[i]).Count() / (double)labels.Count;
    }
}
