using static TorchSharp.torch;

namespace Entanglement.Torch.Models;

/// <summary>
/// A LibTorch module whose children are registered explicitly under PyTorch's names (conv1, layers, …). TorchSharp would
/// otherwise also register every module-typed field under its C# name (_conv1), so the state would hold each twice.
/// </summary>
public abstract class TorchModule(string name) : nn.Module<Tensor, Tensor>(name)
{
    protected override void RegisterComponents()
    {
    }
}
