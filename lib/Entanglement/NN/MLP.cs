using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>
/// Multi-layer perceptron: Linear → ReLU for each hidden width, then a Linear output layer. Parameters are named
/// <c>layers.0.weight</c>, <c>layers.2.weight</c>, … as an <c>nn.Sequential</c> of Linear and ReLU would be.
/// </summary>
public sealed class MLP : Module, IFeatureExtractor
{
    private readonly Sequential _hidden = new();
    private readonly Linear _output;

    /// <summary>Creates the network; layer i draws its initial weights from <c>rng.Fork(i)</c>.</summary>
    public MLP(int inFeatures, int[] hidden, int outFeatures, Rng rng)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentNullException.ThrowIfNull(hidden);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        ArgumentNullException.ThrowIfNull(rng);
        var layers = Register("layers", new Sequential());
        var width = inFeatures;
        for (var i = 0; i < hidden.Length; i++)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(hidden[i], nameof(hidden));
            var linear = new Linear(width, hidden[i], rng.Fork(i));
            var relu = new ReLU();
            layers.Append(linear).Append(relu);
            _hidden.Append(linear).Append(relu);
            width = hidden[i];
        }

        _output = new Linear(width, outFeatures, rng.Fork(hidden.Length));
        layers.Append(_output);
        InFeatures = inFeatures;
        FeatureSize = width;
    }

    /// <summary>Number of input features.</summary>
    public int InFeatures { get; }

    /// <summary>Width of <see cref="Features"/>: the last hidden width, or the input width without hidden layers.</summary>
    public int FeatureSize { get; }

    /// <summary>The last hidden layer's activations (after its ReLU); the input itself without hidden layers.</summary>
    public Tensor Features(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return _hidden.Forward(input);
    }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input) => _output.Forward(Features(input));
}
