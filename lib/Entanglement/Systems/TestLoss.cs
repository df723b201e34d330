using Entanglement.Tensors;

namespace Entanglement.Systems;

/// <summary>
/// A fixed test loss <c>ℓ_v</c> without trainable parameters (paper, Section 2), evaluated on a vertex's outputs on
/// its test set and the test targets. Lower is better.
/// </summary>
/// <param name="Name">Short name shown in tables, e.g. <c>MSE</c>.</param>
/// <param name="Evaluate">Computes the loss from outputs <c>f_v(x̄)</c> and targets <c>ȳ</c>.</param>
public sealed record TestLoss(string Name, Func<Tensor, Tensor, double> Evaluate)
{
    /// <summary>Mean squared error over all elements.</summary>
    public static TestLoss Mse { get; } = new("MSE", TestLosses.MeanSquaredError);

    /// <summary>Classification error of the arg-max of scores <c>[N, C]</c> against integer labels.</summary>
    public static TestLoss ZeroOne { get; } = new("zero-one error", TestLosses.ZeroOneError);

    /// <summary>Classification error of predicted labels <c>[N]</c> against integer labels.</summary>
    public static TestLoss ZeroOneOfLabels { get; } = new("zero-one error", TestLosses.ZeroOneErrorOfLabels);

    /// <summary>1 − average precision of binary scores <c>[N]</c> against 0/1 labels.</summary>
    public static TestLoss OneMinusAveragePrecision { get; } =
        new("1 - AP", (scores, labels) => 1.0 - TestLosses.AveragePrecision(scores, labels));

    /// <summary>
    /// 1-nearest-neighbour error of a feature map under cosine distance, with the test set split 50/50 into
    /// reference and query halves by <paramref name="splitSeed"/> (see <see cref="TestLosses.NearestNeighbourError"/>).
    /// </summary>
    public static TestLoss NearestNeighbour(ulong splitSeed = 0) =>
        new("1-NN error", (features, labels) => TestLosses.NearestNeighbourError(features, labels, splitSeed));
}
