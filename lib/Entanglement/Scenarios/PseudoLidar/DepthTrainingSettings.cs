namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>How the depth-estimation model u is trained.</summary>
public sealed record DepthTrainingSettings
{
    /// <summary>Valid pixels sampled from each training scene.</summary>
    public int PixelsPerScene { get; init; } = 3000;

    /// <summary>Hidden-layer widths of the refinement MLP.</summary>
    public int[] Hidden { get; init; } = [32, 32];

    /// <summary>
    /// Passes of the shared pre-training with disparity MAE before the loss-specific training (0: none). PSMNet
    /// starts from SceneFlow weights trained on disparity; here u and u′ start from the same pre-trained refinement.
    /// </summary>
    public int PretrainEpochs { get; init; }

    /// <summary>Passes over the sampled pixels with the model's own loss (after any pre-training).</summary>
    public int Epochs { get; init; } = 12;

    /// <summary>Pixels per Adam step.</summary>
    public int BatchSize { get; init; } = 1024;

    /// <summary>Adam's learning rate for the loss-specific training after pre-training (null: <see cref="LearningRate"/>).</summary>
    public double? FineTuneLearningRate { get; init; }

    /// <summary>Adam's learning rate (decayed ×0.1 at ½ and ¾ of training, as in the paper).</summary>
    public double LearningRate { get; init; } = 2e-3;
}
