namespace Entanglement.Scenarios.Engines;

/// <summary>One training phase of an <see cref="INetworkModel"/>: its optimizer and learning-rate schedule.</summary>
public interface INetworkTraining : IDisposable
{
    /// <summary>
    /// One optimizer step: zero the gradients, forward <paramref name="inputs"/> of <paramref name="shape"/> in train
    /// mode, back-propagate the gradient <paramref name="loss"/> returns, step; returns the loss.
    /// </summary>
    double Update(float[] inputs, int[] shape, OutputLoss loss);

    /// <summary>
    /// Ends epoch <paramref name="epoch"/> (0-based): throws <see cref="NN.NonFiniteException"/> if a parameter or its
    /// gradient is not finite, then advances the learning-rate schedule.
    /// </summary>
    void EndEpoch(int epoch);
}
