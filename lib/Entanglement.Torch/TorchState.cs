using Entanglement.Scenarios.Engines;
using static TorchSharp.torch;

namespace Entanglement.Torch;

/// <summary>
/// Moves a module's state between LibTorch and plain arrays by PyTorch name. LibTorch's batch norms carry a
/// <c>num_batches_tracked</c> counter the native engine does not keep (it only matters for momentum = None); it is
/// left out of plain state and left as it is on load.
/// </summary>
public static class TorchState
{
    private const string Counter = "num_batches_tracked";

    /// <summary>Every float parameter and buffer as a copy in plain arrays.</summary>
    public static Dictionary<string, StateArray> Read(nn.Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        var state = new Dictionary<string, StateArray>(StringComparer.Ordinal);
        foreach (var (name, tensor) in module.state_dict())
        {
            if (!name.EndsWith(Counter, StringComparison.Ordinal))
            {
                using var cpu = tensor.detach().cpu().contiguous();
                state.Add(name, new StateArray([.. cpu.shape.Select(d => (int)d)], cpu.data<float>().ToArray()));
            }
        }

        return state;
    }

    /// <summary>Overwrites every float parameter and buffer from <paramref name="state"/>; names and shapes must match exactly.</summary>
    public static void Write(nn.Module module, IReadOnlyDictionary<string, StateArray> state)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentNullException.ThrowIfNull(state);
        var targets = module.state_dict().Where(e => !e.Key.EndsWith(Counter, StringComparison.Ordinal)).ToList();
        foreach (var (name, tensor) in targets)
        {
            if (!state.TryGetValue(name, out var source))
            {
                throw new ArgumentException($"LoadStateDict: missing entry '{name}' ({Shape(tensor)}).", nameof(state));
            }

            if (!source.Shape.SequenceEqual(tensor.shape.Select(d => (int)d)))
            {
                throw new ArgumentException(
                    $"LoadStateDict: entry '{name}' has shape [{string.Join(", ", source.Shape)}], the module expects {Shape(tensor)}.",
                    nameof(state));
            }
        }

        var unexpected = state.Keys.FirstOrDefault(k => targets.All(t => t.Key != k));
        if (unexpected is not null)
        {
            throw new ArgumentException($"LoadStateDict: unexpected entry '{unexpected}'.", nameof(state));
        }

        using var noGrad = no_grad();
        foreach (var (name, target) in targets)
        {
            var source = state[name];
            using var values = tensor(source.Values, [.. source.Shape.Select(d => (long)d)], device: target.device);
            target.copy_(values);
        }
    }

    private static string Shape(Tensor t) => $"[{string.Join(", ", t.shape)}]";
}
