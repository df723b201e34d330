using Entanglement.NN;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Engines;

/// <summary>
/// A fully convolutional stack on image-like grids: <see cref="Layers"/> 3 × 3 convolutions (padding 1, the first with
/// stride <see cref="FirstStride"/>), each followed by ReLU, then a 1 × 1 convolution to <see cref="Outputs"/> channels.
/// The pseudo-LiDAR detectors' network; as <c>nn.Sequential</c>, its parameters are 0.weight, 0.bias, 2.weight, ….
/// </summary>
public sealed record ConvStackNetwork
{
    /// <summary>Channels of the input grid.</summary>
    public required int InChannels { get; init; }

    /// <summary>Channels of every hidden convolution.</summary>
    public required int Channels { get; init; }

    /// <summary>Number of 3 × 3 convolutions before the 1 × 1 head.</summary>
    public required int Layers { get; init; }

    /// <summary>Stride of the first convolution (1: the head predicts on the input's grid).</summary>
    public int FirstStride { get; init; } = 1;

    /// <summary>Output channels of the 1 × 1 head.</summary>
    public required int Outputs { get; init; }

    /// <summary>
    /// The native module with its initial weights: convolution l draws from <c>rng.Fork(l)</c>, the head from
    /// <c>rng.Fork(Layers)</c> (every engine starts from these).
    /// </summary>
    public Sequential Build(Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        var net = new Sequential();
        var width = InChannels;
        for (var l = 0; l < Layers; l++)
        {
            net.Append(new Conv2d(width, Channels, 3, rng.Fork(l), stride: l == 0 ? FirstStride : 1, padding: 1)).Append(new ReLU());
            width = Channels;
        }

        return net.Append(new Conv2d(width, Outputs, 1, rng.Fork(Layers)));
    }

    /// <summary>"conv 4→16×4 (stride 2)→9".</summary>
    public override string ToString() => FormattableString.Invariant(
        $"conv {InChannels}→{Channels}×{Layers}{(FirstStride == 1 ? "" : $" (stride {FirstStride})")}→{Outputs}");
}
