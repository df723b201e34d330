using Entanglement.Diagnostics;
using Entanglement.Mitigations;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Tests.Mitigations;

public sealed class CompatibilityPenaltyTests
{
    [Fact]
    public void Indices_repeat_the_previously_right_examples_lambda_extra_times()
    {
        Assert.Equal([0, 1, 2, 0, 2, 0, 2], CompatibilityPenalty.Indices([true, false, true], lambda: 2));
        Assert.Equal([0, 1, 2], CompatibilityPenalty.Indices([true, false, true], lambda: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => CompatibilityPenalty.Indices([true], lambda: -1));
    }

    /// <summary>Points uniform on [−1, 1]², label 1 when x₁ > 0; optionally a block of systematic noise labelled 0.</summary>
    private static FeatureSet Points(Rng rng, int count, int noisy = 0)
    {
        var rows = new float[(count + noisy) * 2];
        var labels = new int[count + noisy];
        for (var i = 0; i < count; i++)
        {
            rows[i * 2] = rng.Uniform(-1, 1);
            rows[(i * 2) + 1] = rng.Uniform(-1, 1);
            labels[i] = rows[i * 2] > 0 ? 1 : 0;
        }

        // The update's new data: positives at 0 < x₁ < 0.5, x₂ > 0.2 labelled 0, which tilts a linear boundary.
        for (var i = count; i < count + noisy; i++)
        {
            rows[i * 2] = rng.Uniform(0, 0.5f);
            rows[(i * 2) + 1] = rng.Uniform(0.2f, 1);
        }

        return new FeatureSet(rows, 2, labels);
    }

    private static IFeatureModel Train(FeatureSet train, Rng rng)
    {
        var model = TrainingEngines.Current.CreateFeatureModel(DownstreamNetwork.Linear(2, 2), rng.Fork("init"));
        model.Fit(train, new TrainingSettings { Epochs = 60, BatchSize = 64, LearningRate = 0.05 }, rng.Fork("train"));
        return model;
    }

    [Fact]
    public void The_penalty_lowers_the_negative_flip_rate_against_the_previous_model()
    {
        var rng = new Rng(seed: 1234);
        using var previous = Train(Points(rng.Fork("old-data"), 400), rng.Fork("old"));
        var update = Points(rng.Fork("new-data"), 400, noisy: 120);
        var test = Points(rng.Fork("test"), 2000);
        var previousPredictions = previous.Predict(update);
        var previousRight = previousPredictions.Select((p, i) => p == update.Labels[i]).ToArray();

        double NegativeFlipRate(int lambda)
        {
            using var model = Train(update.Subset(CompatibilityPenalty.Indices(previousRight, lambda)), rng.Fork("new"));
            var ids = Enumerable.Range(0, test.Count).ToArray();
            return FlipMetrics.Of(
                OutcomeRecorder.Classifier("v", previous, test, ids, test.Labels),
                OutcomeRecorder.Classifier("v", model, test, ids, test.Labels)).NegativeFlipRate;
        }

        var plain = NegativeFlipRate(lambda: 0);
        var penalised = NegativeFlipRate(lambda: 5);
        Assert.True(plain > 0.02, $"the constructed update should flip clean test points (NFR {plain})");
        Assert.True(penalised < plain / 2, $"NFR without the penalty {plain}, with λ = 5 {penalised}");
    }
}
