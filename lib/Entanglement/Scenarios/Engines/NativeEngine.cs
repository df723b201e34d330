using Entanglement.Tensors;

namespace Entanglement.Scenarios.Engines;

/// <summary>This library's own engine: its tensors, autograd, SIMD kernels and optimizers, on the CPU.</summary>
public sealed class NativeEngine : ITrainingEngine
{
    /// <summary>The one instance.</summary>
    public static NativeEngine Instance { get; } = new();

    public string Name => "native";

    public string Device => "cpu";

    /// <summary>Null: the native kernels split work so that results do not depend on the thread count.</summary>
    public int? PinnedThreads => null;

    public IImageModel CreateImageModel(UpstreamNetwork network, int inChannels, int outputs, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new NativeImageModel(network, network.Build(inChannels, outputs, rng));
    }

    public IFeatureModel CreateFeatureModel(DownstreamNetwork network, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new NativeFeatureModel(network, network.Build(rng));
    }

    public INetworkModel CreateNetworkModel(ConvStackNetwork network, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new NativeNetworkModel(network.Build(rng));
    }

    public INetworkModel CreateNetworkModel(DownstreamNetwork network, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(network);
        return new NativeNetworkModel(network.Build(rng));
    }
}
