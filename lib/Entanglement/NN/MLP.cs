using System.Buffers;
using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

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
    /// <remarks>
    /// Without grad mode (inference), the hidden activations live in pooled buffers and each ReLU runs in place on
    /// its layer's output: the same arithmetic as the modules', without a fresh array per layer and call.
    /// </remarks>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return Autograd.IsEnabled || _hidden.Count == 0 ? _output.Forward(Features(input)) : Infer(input);
    }

    private Tensor Infer(Tensor input)
    {
        if (input.Rank != 2 || input.Shape[1] != InFeatures)
        {
            throw new ArgumentException($"MLP({InFeatures}, …): input {input.Shape}, expected [n, {InFeatures}].", nameof(input));
        }

        var n = input.Shape[0];
        ReadOnlyMemory<float> h = input.Data;
        float[]? rented = null;
        for (var i = 0; i < _hidden.Count; i += 2)
        {
            var linear = (Linear)_hidden[i];
            var buffer = ArrayPool<float>.Shared.Rent(n * linear.OutFeatures);
            var y = buffer.AsMemory(0, n * linear.OutFeatures);
            Functional.LinearInto(h, linear.Weight.Data, linear.Bias?.Data, n, y);
            ActivationKernel.ReLU(y.Span, y.Span);
            if (rented is not null)
            {
                ArrayPool<float>.Shared.Return(rented);
            }

            (h, rented) = (y, buffer);
        }

        var output = GC.AllocateUninitializedArray<float>(n * _output.OutFeatures);
        Functional.LinearInto(h, _output.Weight.Data, _output.Bias?.Data, n, output);
        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }

        return new Tensor(output, new Shape(n, _output.OutFeatures));
    }
}
