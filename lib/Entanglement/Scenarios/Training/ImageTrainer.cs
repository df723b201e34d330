using Entanglement.Data;
using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Training;

/// <summary>Trains a model on images with the paper's algorithm (see <see cref="TrainingSettings"/>).</summary>
public static class ImageTrainer
{
    /// <summary>Trains <paramref name="model"/> in place; it is left in eval mode.</summary>
    /// <param name="perExampleLoss">Maps (model output, batch) to each example's loss, shape [B].</param>
    /// <param name="difficulty">When given, accumulates every example's loss curve (for difficulty ranking).</param>
    /// <param name="onEpochEnd">Called after each epoch (0-based) with the model in eval mode, e.g. to keep a best checkpoint.</param>
    public static TrainingLog Fit(
        Module model,
        ImageDataset train,
        Normalization normalization,
        Func<Tensor, Batch, Tensor> perExampleLoss,
        TrainingSettings settings,
        Rng rng,
        LossCurveArea? difficulty = null,
        Action<int>? onEpochEnd = null,
        IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(perExampleLoss);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentNullException.ThrowIfNull(rng);
        var loader = new DataLoader(train, settings.BatchSize, normalization, shuffle: true, rng: rng.Fork("loader"),
            augmentation: settings.Augmentation);
        var optimizer = new Adam(model.Parameters(), lr: settings.LearningRate);
        var schedule = new MultiStepLR(optimizer, settings.Milestones, gamma: 0.1);
        var epochLosses = new double[settings.Epochs];
        long step = 0;
        for (var epoch = 0; epoch < settings.Epochs; epoch++)
        {
            model.Train();
            double sum = 0;
            foreach (var batch in loader)
            {
                AmbientCancellation.ThrowIfCancellationRequested();
                var perExample = perExampleLoss(model.Forward(batch.Images), batch);
                var loss = perExample.Mean();
                step++;
                NonFiniteException.ThrowIfNonFinite(loss, step);
                optimizer.ZeroGrad();
                loss.Backward();
                optimizer.Step();
                difficulty?.Add(batch.Indices, perExample.Data);
                foreach (var value in perExample.Data)
                {
                    sum += value;
                }
            }

            model.ThrowIfNonFinite(step);
            schedule.Step();
            epochLosses[epoch] = sum / train.Count;
            model.Eval();
            progress?.Report(FormattableString.Invariant($"epoch {epoch + 1}/{settings.Epochs}, training loss {epochLosses[epoch]:F4}"));
            onEpochEnd?.Invoke(epoch);
        }

        model.Eval();
        return new TrainingLog(epochLosses);
    }

    /// <summary>
    /// <paramref name="map"/> applied to every image (normalised, un-augmented, in order) in eval mode without autograd,
    /// in batches: the frozen outputs an upstream hands to its downstream. Labels are the images' labels.
    /// </summary>
    public static FeatureSet Outputs(Module model, Func<Tensor, Tensor> map, ImageDataset images, Normalization normalization,
        int batchSize = 256)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(map);
        ArgumentNullException.ThrowIfNull(images);
        model.Eval();
        var rows = new List<float[]>();
        var width = 0;
        using (Autograd.NoGrad())
        {
            foreach (var batch in new DataLoader(images, batchSize, normalization))
            {
                AmbientCancellation.ThrowIfCancellationRequested();
                var y = map(batch.Images);
                width = y.Size / batch.Count;
                rows.Add(y.Data);
            }
        }

        var features = new float[images.Count * width];
        var offset = 0;
        foreach (var r in rows)
        {
            r.CopyTo(features, offset);
            offset += r.Length;
        }

        return new FeatureSet(features, width, [.. images.Labels]);
    }
}
