using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Returns its input unchanged (as <c>nn.Identity</c>).</summary>
public sealed class Identity : Module
{
    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input;
    }
}
