using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Tests.Scenarios;

/// <summary>
/// The best-in-class probe on a case with a closed form: two Gaussian classes with means ±1 on the first of many
/// features (unit variance everywhere, the rest pure noise). A linear classifier is Bayes-optimal here, so the best
/// error in the class is the Bayes error Φ(−1) ≈ 0.1587. A linear model fitted to the few, wide test rows themselves
/// nearly interpolates them; the cross-fitted probe must not.
/// </summary>
public sealed class InClassProbeTests
{
    private const int Width = 60;

    [Fact]
    public void Cross_fitted_best_in_class_error_is_near_the_Bayes_error()
    {
        var rng = new Rng(2026);
        var train = Gaussians(600, rng.Fork("train"));
        var test = Gaussians(120, rng.Fork("test"));
        var settings = new TrainingSettings { Epochs = 60, BatchSize = 32, LearningRate = 1e-2 };
        IFeatureModel Linear(Rng r) => NativeEngine.Instance.CreateFeatureModel(DownstreamNetwork.Linear(Width, 2), r);
        var bayes = NormalTailBelowMinusOne();

        var crossFitted = ErrorOf(OutcomeRecorder.CrossFitted(train, test, Linear, settings, rng.Fork("probe")), test);
        using var inSample = Linear(rng.Fork("in-sample"));
        inSample.Fit(test, settings, rng.Fork("fit"));
        var interpolated = ErrorOf(inSample.Predict(test), test);

        Assert.InRange(bayes, 0.1586, 0.1588);
        Assert.InRange(crossFitted, bayes - 0.07, bayes + 0.08);
        Assert.True(interpolated < bayes - 0.07, $"the in-sample fit was expected to interpolate; its error is {interpolated}");
    }

    [Fact]
    public void Cross_fitting_predicts_every_test_row_and_rejects_a_single_row()
    {
        var test = Gaussians(7, new Rng(3));
        var calls = 0;
        IFeatureModel Linear(Rng r)
        {
            calls++;
            return NativeEngine.Instance.CreateFeatureModel(DownstreamNetwork.Linear(Width, 2), r);
        }

        var predictions = OutcomeRecorder.CrossFitted(Gaussians(20, new Rng(4)), test, Linear, new TrainingSettings { Epochs = 1, BatchSize = 8 }, new Rng(5));
        Assert.Equal(7, predictions.Length);
        Assert.All(predictions, p => Assert.InRange(p, 0, 1));
        Assert.Equal(2, calls);
        Assert.Throws<ArgumentException>(() => OutcomeRecorder.CrossFitted(Gaussians(20, new Rng(4)), Gaussians(1, new Rng(6)), Linear, new TrainingSettings { Epochs = 1 }, new Rng(5)));
    }

    /// <summary>Φ(−1) by Simpson's rule over [−12, −1] (tables: 0.158655).</summary>
    private static double NormalTailBelowMinusOne()
    {
        const int Steps = 20_000;
        var h = 11.0 / Steps;
        double Density(double x) => Math.Exp(-x * x / 2) / Math.Sqrt(2 * Math.PI);
        var sum = Density(-12) + Density(-1);
        for (var i = 1; i < Steps; i++)
        {
            sum += (i % 2 == 1 ? 4 : 2) * Density(-12 + (i * h));
        }

        return sum * h / 3;
    }

    private static double ErrorOf(int[] predictions, FeatureSet set) =>
        predictions.Where((p, i) => p != set.Labels[i]).Count() / (double)set.Count;

    private static FeatureSet Gaussians(int n, Rng rng)
    {
        var labels = Enumerable.Range(0, n).Select(i => i % 2).ToArray();
        var rows = new float[n * Width];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < Width; j++)
            {
                rows[(i * Width) + j] = (float)rng.NextNormal() + (j == 0 ? (labels[i] == 1 ? 1f : -1f) : 0f);
            }
        }

        return new FeatureSet(rows, Width, labels);
    }
}
