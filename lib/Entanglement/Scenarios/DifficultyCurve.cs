namespace Entanglement.Scenarios;

/// <summary>
/// Which per-epoch loss of a training image the difficulty ranking of §4.2 sums over the reference run ("the area under
/// the training-loss curve of the example"). The paper does not say; the two readings can rank differently.
/// </summary>
public enum DifficultyCurve
{
    /// <summary>The loss the image had in its training batch: train mode, augmented, weights still moving in the epoch.</summary>
    TrainingBatches,

    /// <summary>The loss after each epoch, in eval mode on the un-augmented image.</summary>
    EpochEndEval,
}
