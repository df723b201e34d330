using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>
/// ResNet's basic block (torchvision's <c>BasicBlock</c>): conv3×3 → BN → ReLU → conv3×3 → BN, plus the input
/// (through a 1×1 convolution and BN, <c>downsample</c>, when the stride or width changes), then ReLU.
/// </summary>
public sealed class BasicBlock : Module
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;
    private readonly Sequential? _downsample;

    /// <summary>Creates the block; convolutions use torchvision's Kaiming-normal (fan-out) init.</summary>
    public BasicBlock(int inPlanes, int planes, int stride, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(rng);
        _conv1 = Register("conv1", ResNet18.Conv(inPlanes, planes, 3, stride, 1, rng.Fork("conv1")));
        _bn1 = Register("bn1", new BatchNorm2d(planes));
        _conv2 = Register("conv2", ResNet18.Conv(planes, planes, 3, 1, 1, rng.Fork("conv2")));
        _bn2 = Register("bn2", new BatchNorm2d(planes));
        if (stride != 1 || inPlanes != planes)
        {
            _downsample = Register(
                "downsample",
                new Sequential(ResNet18.Conv(inPlanes, planes, 1, stride, 0, rng.Fork("downsample")), new BatchNorm2d(planes)));
        }
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var y = _bn1.Forward(_conv1.Forward(input)).ReLU();
        y = _bn2.Forward(_conv2.Forward(y));
        var shortcut = _downsample?.Forward(input) ?? input;
        return y.Add(shortcut).ReLU();
    }
}
