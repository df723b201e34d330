using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Mean squared error (as <c>nn.MSELoss()</c>, mean reduction); input and target have the same shape.</summary>
public sealed class MSELoss : ILoss
{
    /// <inheritdoc/>
    public Tensor Forward(Tensor input, Tensor target) => Functional.MSE(input, target);
}
