using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>
/// ResNet-18 (torchvision's layout and names: conv1, bn1, layer1…layer4 of two <see cref="BasicBlock"/>s each,
/// fc) with a width multiplier (64 = standard; stages have w, 2w, 4w, 8w channels) and a choice of
/// <see cref="ResNetStem"/>. Convolutions use torchvision's init (Kaiming-normal, fan-out), batch norms γ = 1,
/// β = 0, and fc PyTorch's default Linear init.
/// </summary>
public sealed class ResNet18 : Module, IFeatureExtractor
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Sequential[] _layers = new Sequential[4];
    private readonly Linear _fc;

    /// <summary>Creates the network.</summary>
    public ResNet18(int numClasses, Rng rng, int width = 64, ResNetStem stem = ResNetStem.Cifar, int inChannels = 3)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(numClasses);
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        Stem = stem;
        _conv1 = Register(
            "conv1",
            stem == ResNetStem.Cifar
                ? Conv(inChannels, width, 3, 1, 1, rng.Fork("conv1"))
                : Conv(inChannels, width, 7, 2, 3, rng.Fork("conv1")));
        _bn1 = Register("bn1", new BatchNorm2d(width));
        var inPlanes = width;
        for (var i = 0; i < 4; i++)
        {
            var planes = width << i;
            var stride = i == 0 ? 1 : 2;
            var name = "layer" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var stageRng = rng.Fork(name);
            _layers[i] = Register(
                name,
                new Sequential(
                    new BasicBlock(inPlanes, planes, stride, stageRng.Fork(0)),
                    new BasicBlock(planes, planes, 1, stageRng.Fork(1))));
            inPlanes = planes;
        }

        FeatureSize = inPlanes;
        _fc = Register("fc", new Linear(inPlanes, numClasses, rng.Fork("fc")));
    }

    /// <summary>The stem built.</summary>
    public ResNetStem Stem { get; }

    /// <summary>Length of <see cref="Features"/> (8 × width).</summary>
    public int FeatureSize { get; }

    /// <summary>The globally average-pooled output of the last stage, [n, 8·width] (the input of fc).</summary>
    public Tensor Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var x = _bn1.Forward(_conv1.Forward(input)).ReLU();
        if (Stem == ResNetStem.ImageNet)
        {
            x = x.MaxPool2d(3, 2, 1);
        }

        foreach (var layer in _layers)
        {
            x = layer.Forward(x);
        }

        return x.AdaptiveAvgPool2d(1).Flatten();
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => _fc.Forward(Features(input));

    /// <summary>A bias-free convolution with torchvision's ResNet init, N(0, 2/(out·k²)).</summary>
    internal static Conv2d Conv(int inPlanes, int outPlanes, int kernelSize, int stride, int padding, Rng rng)
    {
        var conv = new Conv2d(inPlanes, outPlanes, kernelSize, rng, stride, padding, bias: false);
        Init.KaimingNormalFanOut(conv.Weight, outPlanes * kernelSize * kernelSize, rng.Fork("kaiming"));
        return conv;
    }
}
