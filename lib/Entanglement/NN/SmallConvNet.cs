using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>
/// The paper's small convolutional network (Appendix B; hypothesis-space experiment, and the upstream model of
/// the quick profile): two 5×5 convolutions of <see cref="Width"/> channels, each followed by batch norm and
/// ReLU, then an <see cref="MLP"/> head. <see cref="SmallConvNetVariant"/> chooses the text's or the public code's
/// strides, paddings and pooling. Children: conv1, bn1, conv2, bn2, head.
/// </summary>
public sealed class SmallConvNet : Module, IFeatureExtractor
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;

    /// <summary>Creates the network for square <paramref name="inputSize"/>-pixel inputs.</summary>
    /// <param name="inChannels">Input channels (1 for the digits, 3 for colour images).</param>
    /// <param name="numOutputs">Outputs of the head (classes, or 1 for regression).</param>
    /// <param name="rng">Source of the initial weights (each layer takes its own fork).</param>
    /// <param name="width">Channels of both convolutions (32 in the paper).</param>
    /// <param name="headHidden">Hidden widths of the head; empty for one linear layer.</param>
    /// <param name="variant">The public code's layout (default) or the Appendix B text's.</param>
    /// <param name="inputSize">Height and width of the input images.</param>
    public SmallConvNet(
        int inChannels,
        int numOutputs,
        Rng rng,
        int width = 32,
        int[]? headHidden = null,
        SmallConvNetVariant variant = SmallConvNetVariant.PublicCode,
        int inputSize = 32)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numOutputs);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        Width = width;
        Variant = variant;
        FeatureSize = FeatureSizeFor(variant, width, inputSize);
        var paper = variant == SmallConvNetVariant.Paper;
        _conv1 = Register("conv1", new Conv2d(inChannels, width, 5, rng.Fork("conv1"), stride: 1, padding: 2, bias: paper));
        _bn1 = Register("bn1", new BatchNorm2d(width));
        _conv2 = Register(
            "conv2", new Conv2d(width, width, 5, rng.Fork("conv2"), stride: 2, padding: paper ? 5 : 2, bias: paper));
        _bn2 = Register("bn2", new BatchNorm2d(width));
        Head = Register("head", new MLP(FeatureSize, headHidden ?? [], numOutputs, rng.Fork("head")));
    }

    /// <summary>Channels of the convolutions.</summary>
    public int Width { get; }

    /// <summary>The layout built.</summary>
    public SmallConvNetVariant Variant { get; }

    /// <summary>Length of the flattened trunk output, the head's input.</summary>
    public int FeatureSize { get; }

    /// <summary>The MLP head.</summary>
    public MLP Head { get; }

    /// <summary>Length of the trunk's flattened output for a square input of <paramref name="inputSize"/> pixels.</summary>
    public static int FeatureSizeFor(SmallConvNetVariant variant, int width, int inputSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        var s = variant == SmallConvNetVariant.Paper
            ? ConvOut(ConvOut(inputSize, 1, 2), 2, 5)
            : ConvOut(ConvOut(inputSize, 1, 2) / 2, 2, 2) / 2;
        return s > 0
            ? s * s * width
            : throw new ArgumentOutOfRangeException(nameof(inputSize), inputSize, "SmallConvNet: input too small.");
    }

    /// <summary>The trunk's output, flattened to [n, <see cref="FeatureSize"/>] (no head).</summary>
    public Tensor Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Tensor x;
        if (Variant == SmallConvNetVariant.Paper)
        {
            x = _bn1.Forward(_conv1.Forward(input)).ReLU();
            x = _bn2.Forward(_conv2.Forward(x)).ReLU();
        }
        else
        {
            // Batch norm → max pool 2 → ReLU, fused (the same numbers as the three ops in turn).
            x = _bn1.ForwardMaxPool2dReLU(_conv1.Forward(input));
            x = _bn2.ForwardMaxPool2dReLU(_conv2.Forward(x));
        }

        x = x.Flatten();
        if (x.Shape[1] != FeatureSize)
        {
            throw new ArgumentException(
                $"SmallConvNet: input {input.Shape} gives {x.Shape[1]} features; built for {FeatureSize}.", nameof(input));
        }

        return x;
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => Head.Forward(Features(input));

    private static int ConvOut(int size, int stride, int padding) => ((size + (2 * padding) - 5) / stride) + 1;
}
