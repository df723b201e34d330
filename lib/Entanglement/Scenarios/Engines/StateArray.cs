namespace Entanglement.Scenarios.Engines;

/// <summary>One named entry of a model's state (a parameter or buffer) as plain values, engine-independent.</summary>
/// <param name="Shape">Its dimensions, PyTorch's order.</param>
/// <param name="Values">Its values, row-major.</param>
public sealed record StateArray(int[] Shape, float[] Values);
