using Entanglement.NN;

namespace Entanglement.Scenarios.Engines;

/// <summary>One named entry of a model's state (a parameter or buffer) as plain values, engine-independent.</summary>
/// <param name="Shape">Its dimensions, PyTorch's order.</param>
/// <param name="Values">Its values, row-major.</param>
public sealed record StateArray(int[] Shape, float[] Values)
{
    /// <summary>A copy of a native module's state by PyTorch-style name.</summary>
    public static Dictionary<string, StateArray> Of(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.StateDict().ToDictionary(e => e.Key, e => new StateArray(e.Value.Shape.ToArray(), e.Value.Data), StringComparer.Ordinal);
    }
}
