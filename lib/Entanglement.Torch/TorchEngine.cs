using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Tensors;
using Entanglement.Torch.Models;
using TorchSharp;

namespace Entanglement.Torch;

/// <summary>
/// The TorchSharp engine: LibTorch on the CPU or a CUDA GPU. Every model starts from the native engine's initial weights
/// (built from the same <see cref="Rng"/>, then copied by PyTorch name) and sees the same batches and augmentations, so
/// the two engines differ only in their floating-point kernels.
/// </summary>
public sealed class TorchEngine : ITrainingEngine
{
    /// <summary>Loads LibTorch and resolves <paramref name="device"/> ("cpu" or "cuda"); throws naming what is missing.</summary>
    public TorchEngine(string device)
    {
        TorchDevice = LibTorch.Device(device);
        Device = device;
        LibTorchThreads.Pin();
    }

    public string Name => "torch";

    public string Device { get; }

    /// <summary>LibTorch's intra-op CPU threads per run (<see cref="LibTorchThreads"/>).</summary>
    public int? PinnedThreads => LibTorchThreads.Count;

    /// <summary>The LibTorch device models and batches live on.</summary>
    public torch.Device TorchDevice { get; }

    public IImageModel CreateImageModel(UpstreamNetwork network, int inChannels, int outputs, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(network);
        var native = network.Build(inChannels, outputs, rng);
        var net = TorchNets.Build(network, inChannels, outputs);
        TorchState.Write(net, StateArray.Of(native));
        net.to(TorchDevice);
        return new TorchImageModel(network, net, TorchDevice);
    }

    public IFeatureModel CreateFeatureModel(DownstreamNetwork network, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(network);
        var net = TorchNets.Build(network);
        TorchState.Write(net, StateArray.Of(network.Build(rng)));
        net.to(TorchDevice);
        return new TorchFeatureModel(network, net, TorchDevice);
    }

    public INetworkModel CreateNetworkModel(ConvStackNetwork network, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Copied(TorchNets.Build(network), network.Build(rng));
    }

    public INetworkModel CreateNetworkModel(DownstreamNetwork network, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(network);
        return Copied(TorchNets.Build(network), network.Build(rng));
    }

    private TorchNetworkModel Copied(torch.nn.Module<torch.Tensor, torch.Tensor> net, NN.Module native)
    {
        TorchState.Write(net, StateArray.Of(native));
        net.to(TorchDevice);
        return new TorchNetworkModel(net, TorchDevice);
    }

    public override string ToString() => $"torch ({Device}, {LibTorchThreads.Count} CPU thread{(LibTorchThreads.Count == 1 ? "" : "s")})";
}
