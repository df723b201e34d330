using SmallConvNet = Entanglement.NN.SmallConvNet;
using SmallConvNetVariant = Entanglement.NN.SmallConvNetVariant;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Entanglement.Torch.Models;

/// <summary>The paper's small conv net on LibTorch, in either layout (names as the native <see cref="SmallConvNet"/>).</summary>
public sealed class TorchSmallConvNet : TorchImageNet
{
    private readonly Conv2d _conv1;
    private readonly BatchNorm2d _bn1;
    private readonly Conv2d _conv2;
    private readonly BatchNorm2d _bn2;
    private readonly TorchMlp _head;
    private readonly bool _paper;
    private readonly bool _hasHidden;

    /// <param name="inputSize">Height and width of the square input (32, or 28 for MNIST-sized images).</param>
    public TorchSmallConvNet(
        int inChannels, int outputs, int width, IReadOnlyList<int> headHidden, SmallConvNetVariant variant, int inputSize = 32)
        : base("SmallConvNet")
    {
        ArgumentNullException.ThrowIfNull(headHidden);
        _paper = variant == SmallConvNetVariant.Paper;
        _hasHidden = headHidden.Count > 0;
        _conv1 = nn.Conv2d(inChannels, width, 5, stride: 1, padding: 2, bias: _paper);
        _bn1 = nn.BatchNorm2d(width);
        _conv2 = nn.Conv2d(width, width, 5, stride: 2, padding: _paper ? 5 : 2, bias: _paper);
        _bn2 = nn.BatchNorm2d(width);
        _head = new TorchMlp(SmallConvNet.FeatureSizeFor(variant, width, inputSize), headHidden, outputs);
        register_module("conv1", _conv1);
        register_module("bn1", _bn1);
        register_module("conv2", _conv2);
        register_module("bn2", _bn2);
        register_module("head", _head);
    }

    public override Tensor Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        using var scope = NewDisposeScope();
        Tensor x;
        if (_paper)
        {
            x = nn.functional.relu(_bn1.call(_conv1.call(input)));
            x = nn.functional.relu(_bn2.call(_conv2.call(x)));
        }
        else
        {
            x = nn.functional.relu(nn.functional.max_pool2d(_bn1.call(_conv1.call(input)), 2));
            x = nn.functional.relu(nn.functional.max_pool2d(_bn2.call(_conv2.call(x)), 2));
        }

        return x.flatten(1).MoveToOuterDisposeScope();
    }

    public override Tensor LastHidden(Tensor input) => _hasHidden ? _head.Features(Features(input)) : base.LastHidden(input);

    public override Tensor forward(Tensor input) => _head.call(Features(input));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _conv1.Dispose();
            _bn1.Dispose();
            _conv2.Dispose();
            _bn2.Dispose();
            _head.Dispose();
        }

        base.Dispose(disposing);
    }
}
