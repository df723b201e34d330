using static TorchSharp.torch;

namespace Entanglement.Torch.Models;

/// <summary>An upstream image network on LibTorch: logits from <c>forward</c>, plus the representations handed downstream.</summary>
public abstract class TorchImageNet(string name) : TorchModule(name)
{
    /// <summary>The trunk's flattened output (the penultimate layer).</summary>
    public abstract Tensor Features(Tensor input);

    /// <summary>The last hidden layer of the head (after its ReLU); only the small conv net with a hidden head has one.</summary>
    public virtual Tensor LastHidden(Tensor input) =>
        throw new InvalidOperationException($"{GetName()}: no hidden head layer to read features from.");
}
