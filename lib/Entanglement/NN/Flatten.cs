using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Flattens every axis from <see cref="StartDim"/> on into one (as <c>nn.Flatten()</c>, start 1).</summary>
public sealed class Flatten : Module
{
    /// <summary>Creates the layer.</summary>
    public Flatten(int startDim = 1) => StartDim = startDim;

    /// <summary>First axis that is flattened.</summary>
    public int StartDim { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.Flatten(StartDim);
    }
}
