using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Averages NCHW inputs to a square output grid whatever the input size (as <c>nn.AdaptiveAvgPool2d</c>).</summary>
public sealed class AdaptiveAvgPool2d : Module
{
    /// <summary>Creates the layer with an <paramref name="outputSize"/>×<paramref name="outputSize"/> output.</summary>
    public AdaptiveAvgPool2d(int outputSize)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outputSize);
        OutputSize = outputSize;
    }

    /// <summary>Side of the output grid.</summary>
    public int OutputSize { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.AdaptiveAvgPool2d(OutputSize);
    }
}
