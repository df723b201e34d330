using Entanglement.Tensors;

namespace Entanglement.Scenarios.Engines;

/// <summary>Builds an <see cref="OutputLoss"/> from a loss written with this library's tensors.</summary>
public static class OutputLosses
{
    /// <summary>
    /// The loss <paramref name="loss"/> computes from the outputs (given as a leaf tensor of <paramref name="shape"/>),
    /// with its gradient by this library's autograd. The values are exactly those of the loss computed in the network's
    /// own graph, so a native run is unchanged by going through an engine.
    /// </summary>
    public static OutputLoss Native(Func<Tensor, Tensor> loss, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentNullException.ThrowIfNull(shape);
        return (outputs, gradient) =>
        {
            ArgumentNullException.ThrowIfNull(outputs);
            ArgumentNullException.ThrowIfNull(gradient);
            var leaf = Tensor.FromArray(outputs, shape);
            leaf.RequiresGrad = true;
            var value = loss(leaf);
            value.Backward();
            if (leaf.Grad is { } grad)
            {
                Array.Copy(grad.Data, gradient, gradient.Length);
            }
            else
            {
                Array.Clear(gradient);
            }

            return value.Item();
        };
    }
}
