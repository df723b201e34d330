using Entanglement.Tensors;
using Entanglement.Data;
using Entanglement.Scenarios.Training;

namespace Entanglement.Scenarios.Engines;

/// <summary>
/// An upstream image model held by an engine. Scenarios train and query it through plain arrays only, so the same
/// scenario runs on the native engine or on LibTorch.
/// </summary>
public interface IImageModel : IDisposable
{
    /// <summary>The network this model instantiates.</summary>
    UpstreamNetwork Network { get; }

    /// <summary>
    /// Trains with the paper's algorithm (<see cref="TrainingSettings"/>) on <paramref name="loss"/>, drawing batches
    /// and augmentations from <paramref name="rng"/> exactly as the native trainer does; leaves the model in eval mode.
    /// </summary>
    /// <param name="difficulty">When given, accumulates every example's training-loss curve.</param>
    /// <param name="onEpochEnd">Called after each epoch (0-based), the model in eval mode (e.g. to keep a best checkpoint).</param>
    TrainingLog Fit(ImageDataset train, Normalization normalization, ImageLoss loss, TrainingSettings settings, Rng rng,
        LossCurveArea? difficulty = null, Action<int>? onEpochEnd = null, IProgress<string>? progress = null);

    /// <summary>The network's outputs (logits or regression values) on every image, in order, in eval mode.</summary>
    FeatureSet Outputs(ImageDataset images, Normalization normalization);

    /// <summary>The features it hands downstream (<see cref="UpstreamNetwork.FeatureTap"/>) on every image, in eval mode.</summary>
    FeatureSet Features(ImageDataset images, Normalization normalization);

    /// <summary>A copy of every parameter and buffer by PyTorch-style name (later training does not change it).</summary>
    IReadOnlyDictionary<string, StateArray> StateDict();

    /// <summary>Overwrites parameters and buffers from <paramref name="state"/>; names and shapes must match.</summary>
    void LoadStateDict(IReadOnlyDictionary<string, StateArray> state);
}
