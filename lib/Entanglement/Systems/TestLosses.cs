using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.Systems;

/// <summary>The test losses of the paper's experiments (Section 4 and the case studies), as plain functions.</summary>
public static class TestLosses
{
    private const int QueryBlock = 512;

    /// <summary>Mean squared error over all elements; shapes must hold the same number of elements.</summary>
    public static double MeanSquaredError(Tensor predictions, Tensor targets)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(targets);
        if (predictions.Size != targets.Size || predictions.Size == 0)
        {
            throw new ArgumentException(
                $"MeanSquaredError: predictions {predictions.Shape} and targets {targets.Shape} differ in size or are empty.",
                nameof(predictions));
        }

        double sum = 0;
        for (var i = 0; i < predictions.Size; i++)
        {
            double d = predictions.Data[i] - targets.Data[i];
            sum += d * d;
        }

        return sum / predictions.Size;
    }

    /// <summary>Fraction of rows of scores <c>[N, C]</c> whose arg-max (first on ties) differs from the label.</summary>
    public static double ZeroOneError(Tensor scores, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var truth = Labels(labels, nameof(labels));
        if (scores.Rank != 2 || scores.Shape[0] != truth.Length || truth.Length == 0)
        {
            throw new ArgumentException(
                $"ZeroOneError: scores must be [N, C] with N = {truth.Length} labels, got {scores.Shape}.", nameof(scores));
        }

        var classes = scores.Shape[1];
        var errors = 0;
        for (var n = 0; n < truth.Length; n++)
        {
            var row = scores.Data.AsSpan(n * classes, classes);
            var best = 0;
            for (var c = 1; c < classes; c++)
            {
                if (row[c] > row[best])
                {
                    best = c;
                }
            }

            errors += best == truth[n] ? 0 : 1;
        }

        return (double)errors / truth.Length;
    }

    /// <summary>Fraction of predicted labels (<c>[N]</c> or <c>[N, 1]</c>, integers) that differ from the labels.</summary>
    public static double ZeroOneErrorOfLabels(Tensor predicted, Tensor labels)
    {
        var guess = Labels(predicted, nameof(predicted));
        var truth = Labels(labels, nameof(labels));
        if (guess.Length != truth.Length || truth.Length == 0)
        {
            throw new ArgumentException(
                $"ZeroOneErrorOfLabels: {guess.Length} predictions for {truth.Length} labels.", nameof(predicted));
        }

        var errors = 0;
        for (var n = 0; n < truth.Length; n++)
        {
            errors += guess[n] == truth[n] ? 0 : 1;
        }

        return (double)errors / truth.Length;
    }

    /// <summary>
    /// 1-nearest-neighbour error of a feature map (paper, Section 4.1.2): the rows are shuffled by
    /// <c>new Rng(splitSeed)</c>, the first ⌊N/2⌋ form the reference half and the rest the query half (each kept in
    /// test-set order); every query takes the label of its most cosine-similar reference (the lowest test-set index
    /// on ties; an all-zero row has similarity 0 to everything); the result is the query error.
    /// </summary>
    public static double NearestNeighbourError(Tensor features, Tensor labels, ulong splitSeed = 0)
    {
        ArgumentNullException.ThrowIfNull(features);
        var truth = Labels(labels, nameof(labels));
        var n = truth.Length;
        if (features.Rank < 2 || features.Shape[0] != n || n < 2)
        {
            throw new ArgumentException(
                $"NearestNeighbourError: features must be [N, D] with N = {n} >= 2 labels, got {features.Shape}.",
                nameof(features));
        }

        var d = features.Size / n;
        var order = new Rng(splitSeed).Permutation(n);
        var reference = order[..(n / 2)];
        var query = order[(n / 2)..];
        Array.Sort(reference);
        Array.Sort(query);
        var r = NormalisedRows(features.Data, d, reference);
        var q = NormalisedRows(features.Data, d, query);
        var errors = 0;
        var similarity = new float[Math.Min(QueryBlock, query.Length) * reference.Length];
        for (var start = 0; start < query.Length; start += QueryBlock)
        {
            var rows = Math.Min(QueryBlock, query.Length - start);
            var block = similarity.AsMemory(0, rows * reference.Length);
            Gemm.Sgemm(false, true, rows, reference.Length, d, q.AsMemory(start * d, rows * d), r, block);
            for (var i = 0; i < rows; i++)
            {
                var row = block.Span.Slice(i * reference.Length, reference.Length);
                var best = 0;
                for (var j = 1; j < row.Length; j++)
                {
                    if (row[j] > row[best])
                    {
                        best = j;
                    }
                }

                errors += truth[reference[best]] == truth[query[start + i]] ? 0 : 1;
            }
        }

        return (double)errors / query.Length;
    }

    /// <summary>Average precision (area under the precision–recall curve) of scores <c>[N]</c> for 0/1 labels.</summary>
    public static double AveragePrecision(Tensor scores, Tensor labels)
    {
        var (s, positive) = BinaryInputs(scores, labels);
        return Precision.Average(s, positive, positive.Count(p => p));
    }

    /// <summary>
    /// Average precision of ranked items (e.g. detections) that are true or false positives, out of
    /// <paramref name="positiveCount"/> positives in all (missed positives lower the recall):
    /// <c>AP = Σ_k (R_k − R_{k−1}) P_k</c> over distinct score thresholds, tied scores forming one threshold.
    /// </summary>
    public static double AveragePrecision(ReadOnlySpan<double> scores, ReadOnlySpan<bool> isPositive, int positiveCount) =>
        Precision.Average(scores, isPositive, positiveCount);

    /// <summary>
    /// Interpolated average precision on <paramref name="recallPoints"/> recall points (KITTI's 40-point AP by
    /// default): the mean over <c>r ∈ {1/R, 2/R, …, 1}</c> of the largest precision at a recall of at least r
    /// (0 where no threshold reaches r).
    /// </summary>
    public static double InterpolatedAveragePrecision(
        ReadOnlySpan<double> scores, ReadOnlySpan<bool> isPositive, int positiveCount, int recallPoints = 40) =>
        Precision.Interpolated(scores, isPositive, positiveCount, recallPoints);

    private static (double[] Scores, bool[] Positive) BinaryInputs(Tensor scores, Tensor labels)
    {
        ArgumentNullException.ThrowIfNull(scores);
        var truth = Labels(labels, nameof(labels));
        if (scores.Size != truth.Length)
        {
            throw new ArgumentException(
                $"AveragePrecision: {scores.Size} scores for {truth.Length} labels.", nameof(scores));
        }

        if (truth.Any(t => t is not (0 or 1)))
        {
            throw new ArgumentException("AveragePrecision: labels must be 0 or 1.", nameof(labels));
        }

        return (scores.Data.Select(x => (double)x).ToArray(), truth.Select(t => t == 1).ToArray());
    }

    private static int[] Labels(Tensor labels, string paramName)
    {
        ArgumentNullException.ThrowIfNull(labels, paramName);
        if (labels.Rank > 2 || (labels.Rank == 2 && labels.Shape[1] != 1))
        {
            throw new ArgumentException($"Labels must be [N] or [N, 1], got {labels.Shape}.", paramName);
        }

        var result = new int[labels.Size];
        for (var i = 0; i < result.Length; i++)
        {
            var value = labels.Data[i];
            result[i] = (int)MathF.Round(value);
            if (MathF.Abs(value - result[i]) > 1e-4f)
            {
                throw new ArgumentException($"Labels must be integers; element {i} is {value}.", paramName);
            }
        }

        return result;
    }

    private static float[] NormalisedRows(float[] data, int d, int[] rows)
    {
        var result = new float[rows.Length * d];
        for (var i = 0; i < rows.Length; i++)
        {
            var source = data.AsSpan(rows[i] * d, d);
            double norm = 0;
            foreach (var x in source)
            {
                norm += (double)x * x;
            }

            var scale = norm > 0 ? (float)(1.0 / Math.Sqrt(norm)) : 0f;
            var target = result.AsSpan(i * d, d);
            for (var j = 0; j < d; j++)
            {
                target[j] = source[j] * scale;
            }
        }

        return result;
    }
}
