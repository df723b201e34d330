using Entanglement.Systems;
using Entanglement.Tensors;

namespace Entanglement.Tests.Systems;

public sealed class TestLossesTests
{
    private static Tensor Vector(params float[] values) => Tensor.FromArray(values, values.Length);

    [Fact]
    public void Mse_and_zero_one_error_match_hand_computation()
    {
        Assert.Equal((1.0 + 0 + 4) / 3, TestLosses.MeanSquaredError(Vector(1, 2, 5), Vector(0, 2, 3)), 12);

        var scores = Tensor.FromArray([0.1f, 0.9f, 0.8f, 0.2f, 0.5f, 0.5f], 3, 2);
        Assert.Equal(2.0 / 3, TestLosses.ZeroOneError(scores, Vector(1, 1, 1)), 12); // ties pick class 0
        Assert.Equal(0.25, TestLosses.ZeroOneErrorOfLabels(Vector(0, 1, 2, 3), Vector(0, 1, 2, 0)), 12);
    }

    [Fact]
    public void Nearest_neighbour_error_matches_brute_force_and_ignores_row_scale()
    {
        var rng = new Rng(seed: 1234);
        const int N = 101, D = 5;
        var features = Tensor.Randn(rng.Fork("x"), N, D);
        var labels = Vector(Enumerable.Range(0, N).Select(_ => (float)rng.NextInt(3)).ToArray());

        var expected = BruteForce(features, labels, splitSeed: 7);
        Assert.Equal(expected, TestLosses.NearestNeighbourError(features, labels, splitSeed: 7), 12);

        var scaled = features.Clone();
        for (var i = 0; i < scaled.Size; i++)
        {
            scaled.Data[i] *= 1 + (i / D % 4);
        }

        Assert.Equal(expected, TestLosses.NearestNeighbourError(scaled, labels, splitSeed: 7), 12);
    }

    [Fact]
    public void Nearest_neighbour_error_is_zero_for_separated_directions_and_breaks_ties_by_lowest_index()
    {
        // Class c points along axis c; every query finds a reference of its own class.
        var rows = Enumerable.Range(0, 20).SelectMany(i => i % 2 == 0 ? new[] { 1f + i, 0f } : [0f, 1f + i]).ToArray();
        var labels = Vector(Enumerable.Range(0, 20).Select(i => (float)(i % 2)).ToArray());
        Assert.Equal(0.0, TestLosses.NearestNeighbourError(Tensor.FromArray(rows, 20, 2), labels), 12);

        // All rows identical: every query ties with every reference and takes the lowest-index reference's label.
        var same = Tensor.Ones(6, 3);
        var tied = Vector(0, 1, 2, 3, 4, 5);
        var order = new Rng(0UL).Permutation(6);
        var reference = order[..3].Min();
        var queries = order[3..];
        var expected = queries.Count(q => q != reference) / 3.0;
        Assert.Equal(expected, TestLosses.NearestNeighbourError(same, tied, splitSeed: 0), 12);
    }

    [Fact]
    public void Average_precision_matches_hand_computation()
    {
        // Ranked labels 1, 0, 1, 0: precision 1 at recall 1/2, 2/3 at recall 1 ⇒ AP = ½·1 + ½·⅔.
        Assert.Equal(0.5 + (1.0 / 3), TestLosses.AveragePrecision(Vector(0.9f, 0.8f, 0.7f, 0.6f), Vector(1, 0, 1, 0)), 12);

        // Tied scores form one threshold.
        Assert.Equal(0.5, TestLosses.AveragePrecision(Vector(0.5f, 0.5f), Vector(1, 0)), 12);

        // Two of four positives found (e.g. detections that missed two objects) ⇒ recall stops at ½.
        double[] scores = [0.9, 0.8, 0.7, 0.6];
        bool[] hits = [true, false, true, false];
        Assert.Equal((0.25 * 1) + (0.25 * 2 / 3.0), TestLosses.AveragePrecision(scores, hits, positiveCount: 4), 12);
    }

    [Fact]
    public void Forty_point_interpolated_average_precision_takes_best_precision_at_higher_recall()
    {
        // Ranked labels 0, 1, 1: (R, P) = (0, 0), (½, ½), (1, ⅔). Interpolation lifts every recall point to ⅔,
        // while the area is ½·½ + ½·⅔.
        double[] scores = [0.9, 0.8, 0.7];
        bool[] hits = [false, true, true];
        Assert.Equal(2 / 3.0, TestLosses.InterpolatedAveragePrecision(scores, hits, positiveCount: 2), 12);
        Assert.Equal(0.25 + (1 / 3.0), TestLosses.AveragePrecision(scores, hits, positiveCount: 2), 12);

        // Recall never passes ½ with four positives: 20 of the 40 points score 0.
        Assert.Equal(20 * (2 / 3.0) / 40, TestLosses.InterpolatedAveragePrecision(scores, hits, positiveCount: 4), 12);
    }

    private static double BruteForce(Tensor features, Tensor labels, ulong splitSeed)
    {
        var n = labels.Size;
        var d = features.Size / n;
        var order = new Rng(splitSeed).Permutation(n);
        var reference = order[..(n / 2)].Order().ToArray();
        var query = order[(n / 2)..];
        double Cosine(int i, int j)
        {
            double dot = 0, ni = 0, nj = 0;
            for (var k = 0; k < d; k++)
            {
                double a = features.Data[(i * d) + k], b = features.Data[(j * d) + k];
                dot += a * b;
                ni += a * a;
                nj += b * b;
            }

            return dot / Math.Sqrt(ni * nj);
        }

        var errors = query.Count(q =>
        {
            var best = reference.MaxBy(r => Cosine(q, r));
            return labels.Data[best] != labels.Data[q];
        });
        return (double)errors / query.Length;
    }
}
