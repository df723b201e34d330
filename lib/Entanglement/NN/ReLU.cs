using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>max(x, 0) elementwise (as <c>nn.ReLU</c>).</summary>
public sealed class ReLU : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.ReLU();
    }
}
