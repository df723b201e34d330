using Entanglement.Tensors.Kernels;

namespace Entanglement.Diagnostics;

/// <summary>
/// The flexible estimator of the best achievable error on a representation: a k-nearest-neighbour majority vote in
/// Euclidean distance on features standardised by the reference sample's mean and standard deviation. With k → ∞ and
/// k/n → 0 its error tends to the Bayes error of the representation (Stone, 1977), so on a large held-out sample it
/// estimates what any downstream model could reach from those inputs; the default k = ⌈√n⌉ (made odd) follows that.
/// </summary>
public static class KNearestNeighbours
{
    private const int QueryBlock = 256;

    /// <summary>Up to this width distances are summed directly (exact, and faster than a GEMM of inner size ≤ 16).</summary>
    private const int DirectWidth = 16;

    /// <summary>The default number of neighbours for a reference sample of <paramref name="n"/> rows: ⌈√n⌉, odd.</summary>
    public static int DefaultK(int n)
    {
        var k = Math.Max(1, (int)Math.Ceiling(Math.Sqrt(n)));
        return k % 2 == 0 ? k + 1 : k;
    }

    /// <summary>
    /// Predicts a label for every query row by majority vote of its k nearest reference rows (ties: the label whose
    /// voters are nearer in total, then the smaller label).
    /// </summary>
    public static int[] Classify(
        ReadOnlySpan<float> reference, IReadOnlyList<int> referenceLabels, ReadOnlySpan<float> query, int width, int? k = null)
    {
        ArgumentNullException.ThrowIfNull(referenceLabels);
        var n = referenceLabels.Count;
        if (width <= 0 || n == 0 || reference.Length != n * width || query.Length % width != 0)
        {
            throw new ArgumentException(
                $"KNearestNeighbours: {reference.Length} reference values, {n} labels and {query.Length} query values " +
                $"do not fit width {width}.", nameof(reference));
        }

        var neighbours = Math.Min(k ?? DefaultK(n), n);
        if (neighbours < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, "KNearestNeighbours needs k >= 1.");
        }

        var (r, mean, scale) = Standardise(reference, width, null, null);
        var (q, _, _) = Standardise(query, width, mean, scale);
        var m = q.Length / width;
        var rNorm = RowNorms(r, width);
        var qNorm = RowNorms(q, width);
        var predictions = new int[m];
        var dots = width > DirectWidth ? new float[Math.Min(QueryBlock, Math.Max(m, 1)) * n] : [];
        var distance = new double[n];
        var best = new int[neighbours];
        for (var start = 0; start < m; start += QueryBlock)
        {
            var rows = Math.Min(QueryBlock, m - start);
            if (width > DirectWidth)
            {
                Gemm.Sgemm(false, true, rows, n, width, q.AsMemory(start * width, rows * width), r, dots.AsMemory(0, rows * n));
            }


            for (var i = 0; i < rows; i++)
            {
                var count = 0;
                for (var j = 0; j < n; j++)
                {
                    var dj = width > DirectWidth
                        ? qNorm[start + i] + rNorm[j] - (2.0 * dots[(i * n) + j])
                        : Squared(q.AsSpan((start + i) * width, width), r.AsSpan(j * width, width));
                    distance[j] = dj;
                    if (count == neighbours && dj >= distance[best[count - 1]])
                    {
                        continue;
                    }

                    // Insertion into the sorted k best; an equal distance keeps the earlier reference row first.
                    var at = Math.Min(count, neighbours - 1);
                    while (at > 0 && distance[best[at - 1]] > dj)
                    {
                        best[at] = best[at - 1];
                        at--;
                    }

                    best[at] = j;
                    count = Math.Min(count + 1, neighbours);
                }

                predictions[start + i] = Vote(best.AsSpan(0, count), referenceLabels, distance);
            }
        }

        return predictions;
    }

    private static double Squared(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        double s = 0;
        for (var d = 0; d < a.Length; d++)
        {
            var x = a[d] - (double)b[d];
            s += x * x;
        }

        return s;
    }

    private static int Vote(ReadOnlySpan<int> nearest, IReadOnlyList<int> labels, double[] distance)
    {
        var votes = new SortedDictionary<int, (int Count, double Distance)>();
        foreach (var j in nearest)
        {
            var (count, sum) = votes.GetValueOrDefault(labels[j]);
            votes[labels[j]] = (count + 1, sum + distance[j]);
        }

        var best = votes.First();
        foreach (var entry in votes)
        {
            if (entry.Value.Count > best.Value.Count
                || (entry.Value.Count == best.Value.Count && entry.Value.Distance < best.Value.Distance))
            {
                best = entry;
            }
        }

        return best.Key;
    }

    private static (float[] Rows, double[] Mean, double[] Scale) Standardise(
        ReadOnlySpan<float> data, int width, double[]? mean, double[]? scale)
    {
        var n = data.Length / width;
        if (mean is null || scale is null)
        {
            mean = new double[width];
            scale = new double[width];
            for (var i = 0; i < n; i++)
            {
                for (var d = 0; d < width; d++)
                {
                    mean[d] += data[(i * width) + d];
                }
            }

            for (var d = 0; d < width; d++)
            {
                mean[d] /= n;
            }

            for (var i = 0; i < n; i++)
            {
                for (var d = 0; d < width; d++)
                {
                    var x = data[(i * width) + d] - mean[d];
                    scale[d] += x * x;
                }
            }

            for (var d = 0; d < width; d++)
            {
                var sd = Math.Sqrt(scale[d] / Math.Max(1, n - 1));
                scale[d] = sd > 1e-12 ? sd : 1.0;
            }
        }

        var rows = new float[data.Length];
        for (var i = 0; i < n; i++)
        {
            for (var d = 0; d < width; d++)
            {
                rows[(i * width) + d] = (float)((data[(i * width) + d] - mean[d]) / scale[d]);
            }
        }

        return (rows, mean, scale);
    }

    private static double[] RowNorms(float[] rows, int width)
    {
        var norms = new double[rows.Length / width];
        for (var i = 0; i < norms.Length; i++)
        {
            double s = 0;
            for (var d = 0; d < width; d++)
            {
                s += rows[(i * width) + d] * (double)rows[(i * width) + d];
            }

            norms[i] = s;
        }

        return norms;
    }
}
