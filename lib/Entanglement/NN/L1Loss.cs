using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Mean absolute error (as <c>nn.L1Loss()</c>, mean reduction); input and target have the same shape.</summary>
public sealed class L1Loss : ILoss
{
    /// <inheritdoc/>
    public Tensor Forward(Tensor input, Tensor target) => Functional.L1(input, target);
}
