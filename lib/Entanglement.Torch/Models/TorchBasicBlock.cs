using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Entanglement.Torch.Models;

/// <summary>torchvision's ResNet basic block (conv1, bn1, conv2, bn2, optional downsample = conv 1×1 + bn).</summary>
public sealed class TorchBasicBlock : TorchModule
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;
    private readonly Sequential? _downsample;

    public TorchBasicBlock(int inPlanes, int planes, int stride)
        : base("BasicBlock")
    {
        _conv1 = nn.Conv2d(inPlanes, planes, 3, stride: stride, padding: 1, bias: false);
        _bn1 = nn.BatchNorm2d(planes);
        _conv2 = nn.Conv2d(planes, planes, 3, stride: 1, padding: 1, bias: false);
        _bn2 = nn.BatchNorm2d(planes);
        register_module("conv1", _conv1);
        register_module("bn1", _bn1);
        register_module("conv2", _conv2);
        register_module("bn2", _bn2);
        if (stride != 1 || inPlanes != planes)
        {
            _downsample = nn.Sequential(nn.Conv2d(inPlanes, planes, 1, stride: stride, bias: false), nn.BatchNorm2d(planes));
            register_module("downsample", _downsample);
        }
    }

    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var y = nn.functional.relu(_bn1.call(_conv1.call(input)));
        y = _bn2.call(_conv2.call(y));
        var shortcut = _downsample is null ? input : _downsample.call(input);
        return nn.functional.relu(y + shortcut).MoveToOuterDisposeScope();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _conv1.Dispose();
            _bn1.Dispose();
            _conv2.Dispose();
            _bn2.Dispose();
            _downsample?.Dispose();
        }

        base.Dispose(disposing);
    }
}
