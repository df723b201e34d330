namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// One row of Table 3: depth MAE (metres) of a depth model on test pixels, overall and per ground-truth range bin
/// (<see cref="DepthErrorByRange.BinLabels"/>), mean and standard deviation over seeds; plus its disparity MAE
/// (pixels), Appendix A's test loss.
/// </summary>
public sealed record RangeErrorRow(
    string Model,
    DepthLoss TrainedWith,
    double OverallMean,
    double OverallSd,
    IReadOnlyList<double> BinMean,
    IReadOnlyList<double> BinSd,
    double DisparityMaeMean,
    double DisparityMaeSd,
    IReadOnlyList<double> OverallPerSeed,
    IReadOnlyList<double> DisparityMaePerSeed)
{
    /// <summary>Median absolute depth error per range bin, mean over seeds (NaN where a seed did not measure it).</summary>
    public IReadOnlyList<double> BinMedianMean { get; init; } = [];
}
