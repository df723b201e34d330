using Entanglement.Mitigations;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Tests.Mitigations;

public sealed class WhiteningTests
{
    /// <summary>Correlated 3-d rows x = A·g + b with g standard normal.</summary>
    private static FeatureSet Correlated(int seed, int count)
    {
        var rng = new Rng(seed);
        double[,] a = { { 2, 0, 0 }, { 1.5, 0.5, 0 }, { -1, 0.3, 0.2 } };
        double[] b = [3, -1, 0.5];
        var rows = new float[count * 3];
        for (var i = 0; i < count; i++)
        {
            double[] g = [rng.NextNormal(), rng.NextNormal(), rng.NextNormal()];
            for (var j = 0; j < 3; j++)
            {
                rows[(i * 3) + j] = (float)((a[j, 0] * g[0]) + (a[j, 1] * g[1]) + (a[j, 2] * g[2]) + b[j]);
            }
        }

        return new FeatureSet(rows, 3, new int[count]);
    }

    private static (double[] Mean, double[,] Covariance) Moments(FeatureSet set)
    {
        var d = set.Width;
        var mean = new double[d];
        var cov = new double[d, d];
        for (var i = 0; i < set.Count; i++)
        {
            for (var j = 0; j < d; j++)
            {
                mean[j] += set.Features[(i * d) + j] / (double)set.Count;
            }
        }

        for (var i = 0; i < set.Count; i++)
        {
            for (var j = 0; j < d; j++)
            {
                for (var k = 0; k < d; k++)
                {
                    cov[j, k] += (set.Features[(i * d) + j] - mean[j]) * (set.Features[(i * d) + k] - mean[k]) / set.Count;
                }
            }
        }

        return (mean, cov);
    }

    [Fact]
    public void Whitened_training_rows_have_zero_mean_and_identity_covariance()
    {
        var train = Correlated(seed: 1234, count: 2000);
        var white = Whitening.Fit(train, relativeEpsilon: 0).Apply(train);
        var (mean, cov) = Moments(white);
        for (var j = 0; j < 3; j++)
        {
            Assert.Equal(0, mean[j], 4);
            for (var k = 0; k < 3; k++)
            {
                Assert.Equal(j == k ? 1 : 0, cov[j, k], 3);
            }
        }
    }

    [Fact]
    public void Two_dimensional_whitening_matches_the_closed_form_inverse_square_root()
    {
        // Four points with mean (1, 2) and covariance Σ = [[1.5, 0.5], [0.5, 1.5]] (divided by n): eigenvalues 2 and 1.
        var s = Math.Sqrt(2);
        float[] rows = [(float)(1 + s), (float)(2 + s), (float)(1 - s), (float)(2 - s), 2, 1, 0, 3];
        var train = new FeatureSet(rows, 2, new int[4]);
        var (_, cov) = Moments(train);
        Assert.Equal(1.5, cov[0, 0], 5);
        Assert.Equal(0.5, cov[0, 1], 5);

        // For a symmetric positive definite 2×2 M, √M = (M + √det·I) / √(tr + 2√det); Σ^−½ is its inverse.
        var det = Math.Sqrt((cov[0, 0] * cov[1, 1]) - (cov[0, 1] * cov[1, 0]));
        var scale = Math.Sqrt(cov[0, 0] + cov[1, 1] + (2 * det));
        double[,] r = { { (cov[0, 0] + det) / scale, cov[0, 1] / scale }, { cov[1, 0] / scale, (cov[1, 1] + det) / scale } };
        var rDet = (r[0, 0] * r[1, 1]) - (r[0, 1] * r[1, 0]);
        double[,] inverse = { { r[1, 1] / rDet, -r[0, 1] / rDet }, { -r[1, 0] / rDet, r[0, 0] / rDet } };

        var whitening = Whitening.Fit(train, relativeEpsilon: 0);
        var probe = whitening.Apply(new FeatureSet([4f, -1f], 2, [0])).Features;
        double[] x = [4 - 1, -1 - 2];
        Assert.Equal((inverse[0, 0] * x[0]) + (inverse[0, 1] * x[1]), probe[0], 4);
        Assert.Equal((inverse[1, 0] * x[0]) + (inverse[1, 1] * x[1]), probe[1], 4);
    }

    [Fact]
    public void A_dead_unit_does_not_blow_up_with_a_positive_epsilon()
    {
        var rng = new Rng(5);
        var rows = new float[200 * 2];
        for (var i = 0; i < 200; i++)
        {
            rows[i * 2] = (float)rng.NextNormal();
        }

        var white = Whitening.Fit(new FeatureSet(rows, 2, new int[200])).Apply(new FeatureSet(rows, 2, new int[200]));
        Assert.All(white.Features, v => Assert.True(float.IsFinite(v)));
        Assert.All(Enumerable.Range(0, 200), i => Assert.Equal(0, white.Features[(i * 2) + 1], 5));
    }

    [Fact]
    public void Jacobi_eigenvectors_reconstruct_the_matrix()
    {
        double[] a = [4, 1, -2, 1, 3, 0.5, -2, 0.5, 5];
        var (values, v) = SymmetricEigen.Decompose(a, 3);
        for (var i = 0; i < 3; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                var sum = Enumerable.Range(0, 3).Sum(e => v[(i * 3) + e] * values[e] * v[(j * 3) + e]);
                var orthogonal = Enumerable.Range(0, 3).Sum(k => v[(k * 3) + i] * v[(k * 3) + j]);
                Assert.Equal(a[(i * 3) + j], sum, 9);
                Assert.Equal(i == j ? 1 : 0, orthogonal, 9);
            }
        }

        // The trace is the sum of the eigenvalues.
        Assert.Equal(12, values.Sum(), 9);
    }
}
