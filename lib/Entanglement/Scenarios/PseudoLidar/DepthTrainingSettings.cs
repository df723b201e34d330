namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>How the depth-estimation model u is trained.</summary>
public sealed record DepthTrainingSettings
{
    /// <summary>Valid pixels sampled from each training scene.</summary>
    public int PixelsPerScene { get; init; } = 3000;

    /// <summary>Hidden-layer widths of the refinement MLP.</summary>
    public int[] Hidden { get; init; } = [32, 32];

    /// <summary>Passes over the sampled pixels.</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Pixels per Adam step.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Adam's learning rate (decayed ×0.1 at ½ and ¾ of training, as in the paper).</summary>
    public double LearningRate { get; init; } = 2e-3;
}
