using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// The two depth-estimation losses of the paper (Section 5.1) on predicted disparities δ̂ and ground-truth depths y,
/// with the camera constant C = f·b: disparity MAE = mean |δ̂ − C / y|, depth MAE = mean |C / δ̂ − y|.
/// </summary>
public static class DepthLosses
{
    /// <summary>The loss <paramref name="kind"/> of predicted disparities against ground-truth depths (same shape).</summary>
    public static Tensor Compute(DepthLoss kind, Tensor disparity, Tensor depth, double disparityConstant)
    {
        ArgumentNullException.ThrowIfNull(disparity);
        ArgumentNullException.ThrowIfNull(depth);
        if (disparity.Shape != depth.Shape)
        {
            throw new ArgumentException($"DepthLosses: disparity {disparity.Shape} and depth {depth.Shape} differ.", nameof(depth));
        }

        var c = Tensor.Scalar((float)disparityConstant);
        return kind switch
        {
            DepthLoss.DisparityMae => (disparity - c.Div(depth)).Abs().Mean(),
            DepthLoss.DepthMae => (c.Div(disparity) - depth).Abs().Mean(),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown depth loss."),
        };
    }

    /// <summary>
    /// The range-weighting knob between the two losses: (1 − <paramref name="rangeWeight"/>) · disparity MAE +
    /// <paramref name="rangeWeight"/> · depth MAE. At 0 it is disparity MAE (errors weighed where disparities are
    /// large: near), at 1 depth MAE (|C/δ̂ − y| ≈ |δ̂ − C/y| · y²/C: far pixels weigh with the square of their depth).
    /// </summary>
    public static Tensor RangeWeighted(Tensor disparity, Tensor depth, double disparityConstant, double rangeWeight)
    {
        if (!(rangeWeight >= 0 && rangeWeight <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(rangeWeight), rangeWeight, "DepthLosses.RangeWeighted: the range weight lies in [0, 1].");
        }

        if (rangeWeight == 0)
        {
            return Compute(DepthLoss.DisparityMae, disparity, depth, disparityConstant);
        }

        if (rangeWeight == 1)
        {
            return Compute(DepthLoss.DepthMae, disparity, depth, disparityConstant);
        }

        return Compute(DepthLoss.DisparityMae, disparity, depth, disparityConstant) * (float)(1 - rangeWeight)
            + Compute(DepthLoss.DepthMae, disparity, depth, disparityConstant) * (float)rangeWeight;
    }

    /// <summary>The loss of a predicted depth map against the ground truth over valid pixels (double precision).</summary>
    public static double Evaluate(DepthLoss kind, ReadOnlySpan<float> predicted, ReadOnlySpan<float> truth, double disparityConstant)
    {
        double sum = 0;
        long count = 0;
        for (var i = 0; i < truth.Length; i++)
        {
            double y = truth[i], d = predicted[i];
            if (!(y > 0))
            {
                continue;
            }

            sum += kind == DepthLoss.DepthMae ? Math.Abs(d - y) : Math.Abs(disparityConstant / d - disparityConstant / y);
            count++;
        }

        return count == 0 ? double.NaN : sum / count;
    }
}
