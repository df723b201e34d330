using Entanglement.Diagnostics;
using Entanglement.Tensors;

namespace Entanglement.Tests.Diagnostics;

public sealed class KNearestNeighboursTests
{
    private static (float[] X, int[] Y) Gaussians(Rng rng, int n, double separation, int width = 1)
    {
        var x = new float[n * width];
        var y = new int[n];
        for (var i = 0; i < n; i++)
        {
            y[i] = i % 2;
            x[i * width] = (float)(((2 * y[i]) - 1) * separation / 2 + rng.NextNormal());
            for (var d = 1; d < width; d++)
            {
                x[(i * width) + d] = (float)rng.NextNormal();
            }
        }

        return (x, y);
    }

    private static double Error(int[] predictions, int[] labels) =>
        predictions.Where((p, i) => p != labels[i]).Count() / (double)labels.Length;

    [Fact]
    public void On_two_unit_Gaussians_two_apart_the_error_approaches_the_Bayes_error_Phi_of_minus_one()
    {
        // Classes N(−1, 1) and N(+1, 1), equal priors: the Bayes rule x > 0 errs with probability Φ(−1) = 0.158655.
        var rng = new Rng(seed: 1234);
        var (xr, yr) = Gaussians(rng.Fork("reference"), 2000, 2.0);
        var (xq, yq) = Gaussians(rng.Fork("query"), 2000, 2.0);

        var error = Error(KNearestNeighbours.Classify(xr, yr, xq, 1), yq);

        Assert.InRange(error, 0.158655 - 0.025, 0.158655 + 0.025);
    }

    [Fact]
    public void Noise_dimensions_and_uninformative_features_behave_as_the_Bayes_error_says()
    {
        var rng = new Rng(seed: 99);
        var (xr, yr) = Gaussians(rng.Fork("reference"), 1500, 4.0, width: 2);
        var (xq, yq) = Gaussians(rng.Fork("query"), 1500, 4.0, width: 2);
        var (ur, vr) = Gaussians(rng.Fork("null-reference"), 1500, 0.0);
        var (uq, vq) = Gaussians(rng.Fork("null-query"), 1500, 0.0);

        // Separation 4 with an irrelevant second dimension: Bayes error Φ(−2) = 0.02275; no separation: 0.5.
        Assert.InRange(Error(KNearestNeighbours.Classify(xr, yr, xq, 2), yq), 0.02275 - 0.012, 0.02275 + 0.015);
        Assert.InRange(Error(KNearestNeighbours.Classify(ur, vr, uq, 1), vq), 0.45, 0.55);
    }

    [Fact]
    public void With_k_one_each_query_takes_its_nearest_reference_label()
    {
        float[] reference = [0f, 10f, 20f];
        var predictions = KNearestNeighbours.Classify(reference, [5, 6, 7], [1f, 9f, 21f, 14f], 1, k: 1);

        Assert.Equal([5, 6, 7, 6], predictions);
        Assert.Equal(65, KNearestNeighbours.DefaultK(4000));
    }
}
