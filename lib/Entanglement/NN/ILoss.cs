using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>A loss criterion (as PyTorch's loss modules): a scalar from a prediction and a target.</summary>
public interface ILoss
{
    /// <summary>The scalar loss of <paramref name="input"/> against <paramref name="target"/>.</summary>
    Tensor Forward(Tensor input, Tensor target);
}
