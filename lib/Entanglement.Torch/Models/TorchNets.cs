using Entanglement.NN;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using static TorchSharp.torch;

namespace Entanglement.Torch.Models;

/// <summary>Builds the LibTorch counterpart of each network a scenario describes.</summary>
public static class TorchNets
{
    /// <summary>The upstream network for <paramref name="inChannels"/>×32×32 inputs (uninitialised: copy weights in).</summary>
    public static TorchImageNet Build(UpstreamNetwork network, int inChannels, int outputs)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Architecture switch
        {
            UpstreamArchitecture.SmallConvNetPublicCode =>
                new TorchSmallConvNet(inChannels, outputs, network.Width, network.HeadHidden, SmallConvNetVariant.PublicCode),
            UpstreamArchitecture.SmallConvNetAppendixB =>
                new TorchSmallConvNet(inChannels, outputs, network.Width, network.HeadHidden, SmallConvNetVariant.Paper),
            UpstreamArchitecture.ResNet18ImageNetStem => new TorchResNet18(outputs, network.Width, ResNetStem.ImageNet, inChannels),
            UpstreamArchitecture.ResNet18CifarStem => new TorchResNet18(outputs, network.Width, ResNetStem.Cifar, inChannels),
            _ => throw new InvalidOperationException($"Unknown upstream architecture {network.Architecture}."),
        };
    }

    /// <summary>The downstream network: <c>nn.Linear</c> (weight, bias) or <see cref="TorchMlp"/>.</summary>
    public static nn.Module<Tensor, Tensor> Build(DownstreamNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        return network.Hidden is null
            ? nn.Linear(network.InFeatures, network.Outputs)
            : new TorchMlp(network.InFeatures, network.Hidden, network.Outputs);
    }

    /// <summary>
    /// The convolution stack as an <c>nn.Sequential</c> (conv, ReLU, …, 1 × 1 conv; parameters 0.weight, 0.bias, 2.weight,
    /// …, as the native <see cref="ConvStackNetwork.Build"/>).
    /// </summary>
    public static nn.Module<Tensor, Tensor> Build(ConvStackNetwork network)
    {
        ArgumentNullException.ThrowIfNull(network);
        var layers = new List<nn.Module<Tensor, Tensor>>();
        var width = network.InChannels;
        for (var l = 0; l < network.Layers; l++)
        {
            layers.Add(nn.Conv2d(width, network.Channels, 3, stride: l == 0 ? network.FirstStride : 1, padding: 1));
            layers.Add(nn.ReLU());
            width = network.Channels;
        }

        layers.Add(nn.Conv2d(width, network.Outputs, 1));
        return nn.Sequential(layers);
    }
}
