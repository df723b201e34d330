using ResNetStem = Entanglement.NN.ResNetStem;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Entanglement.Torch.Models;

/// <summary>ResNet-18 on LibTorch with torchvision's names, a width multiplier and either <see cref="ResNetStem"/>.</summary>
public sealed class TorchResNet18 : TorchImageNet
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Sequential[] _layers = new Sequential[4];
    private readonly Linear _fc;
    private readonly ResNetStem _stem;

    public TorchResNet18(int numClasses, int width, ResNetStem stem, int inChannels)
        : base("ResNet18")
    {
        _stem = stem;
        _conv1 = stem == ResNetStem.Cifar
            ? nn.Conv2d(inChannels, width, 3, stride: 1, padding: 1, bias: false)
            : nn.Conv2d(inChannels, width, 7, stride: 2, padding: 3, bias: false);
        _bn1 = nn.BatchNorm2d(width);
        register_module("conv1", _conv1);
        register_module("bn1", _bn1);
        var inPlanes = width;
        for (var i = 0; i < 4; i++)
        {
            var planes = width << i;
            _layers[i] = nn.Sequential(new TorchBasicBlock(inPlanes, planes, i == 0 ? 1 : 2), new TorchBasicBlock(planes, planes, 1));
            register_module("layer" + (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), _layers[i]);
            inPlanes = planes;
        }

        _fc = nn.Linear(inPlanes, numClasses);
        register_module("fc", _fc);
    }

    public override Tensor Features(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = nn.functional.relu(_bn1.call(_conv1.call(input)));
        if (_stem == ResNetStem.ImageNet)
        {
            x = nn.functional.max_pool2d(x, 3, 2, 1);
        }

        foreach (var layer in _layers)
        {
            x = layer.call(x);
        }

        return nn.functional.adaptive_avg_pool2d(x, 1).flatten(1).MoveToOuterDisposeScope();
    }

    public override Tensor forward(Tensor input) => _fc.call(Features(input));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _conv1.Dispose();
            _bn1.Dispose();
            foreach (var layer in _layers)
            {
                layer.Dispose();
            }

            _fc.Dispose();
        }

        base.Dispose(disposing);
    }
}
