namespace Entanglement.Mitigations;

/// <summary>
/// The new-error penalty of a compatible update (BackwardCompatibilityML's <c>new_error_loss</c>; Srivastava et al.,
/// 2020): the updated model's loss gets an extra weight λ on the training examples the previous model got right, so a
/// new error there costs 1 + λ times as much. Here λ is a whole number and the weight is realised by repetition: each
/// such example appears 1 + λ times in the training set, which has the same expected gradient per epoch and needs no
/// per-example weights in any engine's trainer (an epoch then holds more examples).
/// </summary>
public static class CompatibilityPenalty
{
    /// <summary>
    /// The training-set indices, in order, with every index where <paramref name="previousRight"/> holds repeated
    /// 1 + <paramref name="lambda"/> times (λ = 0: every index once, the unpenalised update).
    /// </summary>
    public static int[] Indices(IReadOnlyList<bool> previousRight, int lambda)
    {
        ArgumentNullException.ThrowIfNull(previousRight);
        ArgumentOutOfRangeException.ThrowIfNegative(lambda);
        var indices = new List<int>(previousRight.Count * (1 + lambda));
        for (var i = 0; i < previousRight.Count; i++)
        {
            indices.Add(i);
        }

        for (var copy = 0; copy < lambda; copy++)
        {
            for (var i = 0; i < previousRight.Count; i++)
            {
                if (previousRight[i])
                {
                    indices.Add(i);
                }
            }
        }

        return [.. indices];
    }
}
