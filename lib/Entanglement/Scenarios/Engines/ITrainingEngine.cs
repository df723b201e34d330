using Entanglement.Tensors;

namespace Entanglement.Scenarios.Engines;

/// <summary>
/// Trains and evaluates the networks scenarios describe. The native engine (this library's tensors, CPU) is the
/// default; the TorchSharp engine (LibTorch on CPU or CUDA) lives in Entanglement.Torch. Both start from the same
/// initial weights: each model is first built natively from the given <see cref="Rng"/> and then copied.
/// </summary>
public interface ITrainingEngine
{
    /// <summary>"native" or "torch".</summary>
    string Name { get; }

    /// <summary>"cpu" or "cuda".</summary>
    string Device { get; }

    /// <summary>
    /// The CPU threads each run's kernels are pinned to, when the engine's results depend on that count (LibTorch's
    /// reductions do; the native engine's do not: null). Stored with every run so a different count is another point.
    /// </summary>
    int? PinnedThreads { get; }

    /// <summary>A new upstream model for <paramref name="inChannels"/>×32×32 images with <paramref name="outputs"/> outputs.</summary>
    IImageModel CreateImageModel(UpstreamNetwork network, int inChannels, int outputs, Rng rng);

    /// <summary>A new downstream model on feature rows.</summary>
    IFeatureModel CreateFeatureModel(DownstreamNetwork network, Rng rng);

    /// <summary>A new convolution stack a scenario trains with its own loss (the pseudo-LiDAR detectors).</summary>
    INetworkModel CreateNetworkModel(ConvStackNetwork network, Rng rng);

    /// <summary>A new MLP or linear layer a scenario trains with its own loss (the pseudo-LiDAR depth refinement).</summary>
    INetworkModel CreateNetworkModel(DownstreamNetwork network, Rng rng);
}
