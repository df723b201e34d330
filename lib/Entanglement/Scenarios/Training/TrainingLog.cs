namespace Entanglement.Scenarios.Training;

/// <summary>What a training run recorded: the mean training loss of each epoch.</summary>
/// <param name="EpochLosses">Mean training loss of each epoch.</param>
public sealed record TrainingLog(double[] EpochLosses);
