using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Training;

/// <summary>Trains and scores a downstream classifier on frozen upstream outputs (paper, Appendix B: Adam lr 0.01).</summary>
public static class FeatureTrainer
{
    /// <summary>Trains <paramref name="classifier"/> with cross-entropy on <paramref name="train"/>; it is left in eval mode.</summary>
    public static TrainingLog Fit(Module classifier, FeatureSet train, TrainingSettings settings, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rng);
        if (train.Count == 0)
        {
            throw new ArgumentException("FeatureTrainer: the training set is empty.", nameof(train));
        }

        var x = train.ToTensor();
        var optimizer = new Adam(classifier.Parameters(), lr: settings.LearningRate);
        var schedule = new MultiStepLR(optimizer, settings.Milestones, gamma: 0.1);
        var losses = new double[settings.Epochs];
        long step = 0;
        classifier.Train();
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            var order = rng.Fork("shuffle").Fork(epoch).Permutation(train.Count);
            double sum = 0;
            for (var start = 0; start < train.Count; start += settings.BatchSize)
            {
                AmbientCancellation.ThrowIfCancellationRequested();
                var rows = order.AsSpan(start, Math.Min(settings.BatchSize, train.Count - start)).ToArray();
                var labels = rows.Select(i => train.Labels[i]).ToArray();
                var loss = PerExampleLoss.CrossEntropy(classifier.Forward(x.IndexSelect(0, rows)), labels).Mean();
                step++;
                NonFiniteException.ThrowIfNonFinite(loss, step);
                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                sum += loss.Item() * rows.Length;
            }

            schedule.Step();
            losses[epoch] = sum / train.Count;
        }

        classifier.Eval();
        return new TrainingLog(losses);
    }

    /// <summary>The classifier's arg-max prediction for every row.</summary>
    public static int[] Predict(Module classifier, FeatureSet data)
    {
        ArgumentNullException.ThrowIfNull(classifier);
        ArgumentNullException.ThrowIfNull(data);
        classifier.Eval();
        using (Autograd.NoGrad())
        {
            return classifier.Forward(data.ToTensor()).Argmax(1);
        }
    }

    /// <summary>Zero-one error of the classifier on <paramref name="test"/>.</summary>
    public static double ZeroOneError(Module classifier, FeatureSet test)
    {
        var predictions = Predict(classifier, test);
        return predictions.Where((p, i) => p != test.Labels[i]).Count() / (double)test.Count;
    }
}
