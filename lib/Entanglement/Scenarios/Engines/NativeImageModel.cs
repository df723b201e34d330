using Entanglement.Data;
using Entanglement.NN;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Engines;

/// <summary>An upstream model on the native engine: a <see cref="NN.Module"/> trained by <see cref="ImageTrainer"/>.</summary>
public sealed class NativeImageModel(UpstreamNetwork network, Module module) : IImageModel
{
    public UpstreamNetwork Network { get; } = network ?? throw new ArgumentNullException(nameof(network));

    /// <summary>The native module (for code below the seam: cross-checks, checkpoints, benchmarks).</summary>
    public Module Module { get; } = module ?? throw new ArgumentNullException(nameof(module));

    public TrainingLog Fit(ImageDataset train, Normalization normalization, ImageLoss loss, TrainingSettings settings, Rng rng,
        LossCurveArea? difficulty = null, Action<int>? onEpochEnd = null, IProgress<string>? progress = null) =>
        ImageTrainer.Fit(Module, train, normalization, PerExample(loss), settings, rng, difficulty, onEpochEnd, progress);

    public FeatureSet Outputs(ImageDataset images, Normalization normalization) =>
        ImageTrainer.Outputs(Module, Module.Forward, images, normalization);

    public FeatureSet Features(ImageDataset images, Normalization normalization) =>
        ImageTrainer.Outputs(Module, Network.Embedder(Module), images, normalization);

    public IReadOnlyDictionary<string, StateArray> StateDict() => StateArray.Of(Module);

    public void LoadStateDict(IReadOnlyDictionary<string, StateArray> state)
    {
        ArgumentNullException.ThrowIfNull(state);
        Module.LoadStateDict(state.ToDictionary(e => e.Key, e => Tensor.FromArray(e.Value.Values, e.Value.Shape), StringComparer.Ordinal));
    }

    public void Dispose()
    {
    }

    /// <summary>The native per-example loss of <paramref name="loss"/>: (model output, batch) → [B].</summary>
    public static Func<Tensor, Batch, Tensor> PerExample(ImageLoss loss) => loss switch
    {
        ImageLoss.CrossEntropy => (y, batch) => PerExampleLoss.CrossEntropy(y, batch.Labels),
        ImageLoss.SquaredErrorToLabel => (y, batch) =>
            PerExampleLoss.SquaredError(y, Tensor.FromArray([.. batch.Labels.Select(l => (float)l)], batch.Count, 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "Unknown image loss."),
    };
}
