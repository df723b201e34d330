namespace Entanglement.Scenarios.Engines;

/// <summary>
/// A network a scenario trains with its own loss (<see cref="OutputLoss"/>), held by an engine: the pseudo-LiDAR depth
/// estimator's refinement MLP and the bird's-eye detectors' <see cref="ConvStackNetwork"/>. Inputs and outputs are
/// plain row-major arrays with their shape (batch first), so the scenario never touches an engine's tensors.
/// </summary>
public interface INetworkModel : IDisposable
{
    /// <summary>Number of trainable parameters.</summary>
    int ParameterCount { get; }

    /// <summary>The outputs on <paramref name="inputs"/> of <paramref name="shape"/>, in eval mode without gradients.</summary>
    float[] Forward(float[] inputs, int[] shape);

    /// <summary>
    /// Starts training with Adam (PyTorch's defaults) at <paramref name="learningRate"/>, × 0.1 at each of the
    /// <paramref name="milestones"/> (epochs, counted by <see cref="INetworkTraining.EndEpoch"/>).
    /// </summary>
    INetworkTraining Adam(double learningRate, int[] milestones);

    /// <summary>A copy of every parameter by PyTorch-style name.</summary>
    IReadOnlyDictionary<string, StateArray> StateDict();

    /// <summary>Overwrites the parameters from <paramref name="state"/>; names and shapes must match.</summary>
    void LoadStateDict(IReadOnlyDictionary<string, StateArray> state);
}
