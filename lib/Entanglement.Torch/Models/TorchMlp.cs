using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Entanglement.Torch.Models;

/// <summary>
/// Linear → ReLU per hidden width, then a linear output layer, as an <c>nn.Sequential</c> named <c>layers</c> (so
/// parameters are layers.0.weight, layers.2.weight, …, as in the native <see cref="NN.MLP"/>).
/// </summary>
public sealed class TorchMlp : TorchModule
{
    private readonly Sequential _layers;
    private readonly int _hiddenCount;

    public TorchMlp(int inFeatures, IReadOnlyList<int> hidden, int outFeatures)
        : base("MLP")
    {
        ArgumentNullException.ThrowIfNull(hidden);
        var modules = new List<nn.Module<Tensor, Tensor>>();
        var width = inFeatures;
        foreach (var h in hidden)
        {
            modules.Add(nn.Linear(width, h));
            modules.Add(nn.ReLU());
            width = h;
        }

        modules.Add(nn.Linear(width, outFeatures));
        _hiddenCount = hidden.Count;
        _layers = nn.Sequential(modules);
        register_module("layers", _layers);
    }

    /// <summary>The last hidden layer's activations; the input itself without hidden layers.</summary>
    public Tensor Features(Tensor input)
    {
        var x = input;
        for (var i = 0; i < 2 * _hiddenCount; i++)
        {
            x = ((nn.Module<Tensor, Tensor>)_layers[i]).call(x);
        }

        return x;
    }

    public override Tensor forward(Tensor input) => _layers.call(input);

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _layers.Dispose();
        }

        base.Dispose(disposing);
    }
}
