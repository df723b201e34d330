namespace Entanglement.Systems;

/// <summary>Precision–recall curves over distinct score thresholds, for the average-precision losses.</summary>
internal static class Precision
{
    public static double Average(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isPositive, int positiveCount)
    {
        var (precision, recall) = Curve(scores, isPositive, positiveCount);
        double ap = 0, previousRecall = 0;
        for (var k = 0; k < precision.Length; k++)
        {
            ap += (recall[k] - previousRecall) * precision[k];
            previousRecall = recall[k];
        }

        return ap;
    }

    public static double Interpolated(
        ReadOnlySpan<double> scores, ReadOnlySpan<bool> isPositive, int positiveCount, int recallPoints)
    {
        if (recallPoints < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(recallPoints), recallPoints, "At least one recall point.");
        }

        var (precision, recall) = Curve(scores, isPositive, positiveCount);

        // Suffix maxima: best precision at this or any later (higher-recall) threshold.
        var best = new double[precision.Length];
        for (var k = precision.Length - 1; k >= 0; k--)
        {
            best[k] = k == precision.Length - 1 ? precision[k] : Math.Max(precision[k], best[k + 1]);
        }

        double sum = 0;
        var at = 0;
        for (var i = 1; i <= recallPoints; i++)
        {
            var r = (double)i / recallPoints;
            while (at < recall.Length && recall[at] < r - 1e-12)
            {
                at++;
            }

            sum += at < recall.Length ? best[at] : 0;
        }

        return sum / recallPoints;
    }

    private static (double[] Precision, double[] Recall) Curve(
        ReadOnlySpan<double> scores, ReadOnlySpan<bool> isPositive, int positiveCount)
    {
        if (scores.Length != isPositive.Length)
        {
            throw new ArgumentException(
                $"AveragePrecision: {scores.Length} scores for {isPositive.Length} labels.", nameof(scores));
        }

        var truePositives = 0;
        foreach (var p in isPositive)
        {
            truePositives += p ? 1 : 0;
        }

        if (positiveCount <= 0 || positiveCount < truePositives)
        {
            throw new ArgumentOutOfRangeException(
                nameof(positiveCount), positiveCount,
                $"AveragePrecision: needs at least one positive and at least the {truePositives} true positives ranked.");
        }

        var order = Enumerable.Range(0, scores.Length).ToArray();
        var keys = scores.ToArray();
        foreach (var s in keys)
        {
            if (double.IsNaN(s))
            {
                throw new ArgumentException("AveragePrecision: a score is NaN.", nameof(scores));
            }
        }

        Array.Sort(keys.Select(s => -s).ToArray(), order);
        var precision = new List<double>();
        var recall = new List<double>();
        int tp = 0, fp = 0;
        for (var i = 0; i < order.Length; i++)
        {
            if (isPositive[order[i]])
            {
                tp++;
            }
            else
            {
                fp++;
            }

            // Tied scores form one threshold: emit a point only after the last of a tie group.
            if (i == order.Length - 1 || keys[order[i + 1]] != keys[order[i]])
            {
                precision.Add((double)tp / (tp + fp));
                recall.Add((double)tp / positiveCount);
            }
        }

        return (precision.ToArray(), recall.ToArray());
    }
}
