using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Binary cross-entropy from logits (as <c>nn.BCEWithLogitsLoss()</c>); targets in [0, 1], same shape.</summary>
public sealed class BCEWithLogitsLoss : ILoss
{
    /// <inheritdoc/>
    public Tensor Forward(Tensor input, Tensor target) => Functional.BinaryCrossEntropyWithLogits(input, target);
}
