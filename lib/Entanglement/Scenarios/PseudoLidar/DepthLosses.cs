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
