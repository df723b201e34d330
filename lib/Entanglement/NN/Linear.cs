using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Fully connected layer y = x·Wᵀ + b (as <c>nn.Linear</c>), with PyTorch's default initialisation.</summary>
public sealed class Linear : Module
{
    /// <summary>Creates the layer; weight and bias are drawn from <paramref name="rng"/> (weight first).</summary>
    public Linear(int inFeatures, int outFeatures, Rng rng, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inFeatures);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outFeatures);
        ArgumentNullException.ThrowIfNull(rng);
        InFeatures = inFeatures;
        OutFeatures = outFeatures;
        Weight = RegisterParameter("weight", Tensor.Zeros(outFeatures, inFeatures));
        Init.KaimingUniformDefault(Weight, inFeatures, rng);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros(outFeatures));
            Init.BiasDefault(Bias, inFeatures, rng);
        }
    }

    /// <summary>Number of input features.</summary>
    public int InFeatures { get; }

    /// <summary>Number of output features.</summary>
    public int OutFeatures { get; }

    /// <summary>The weight [out, in].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias [out], or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 2 || input.Shape[1] != InFeatures)
        {
            throw new ArgumentException(
                $"Linear({InFeatures}, {OutFeatures}): input {input.Shape}, expected [n, {InFeatures}].", nameof(input));
        }

        return Functional.Linear(input, Weight, Bias);
    }
}
