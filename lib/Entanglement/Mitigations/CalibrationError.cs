using Entanglement.Scenarios.Training;

namespace Entanglement.Mitigations;

/// <summary>
/// Expected calibration error (Naeini et al., 2015; Guo et al., 2017): rows binned by their top probability into
/// equal-width bins of [0, 1]; ECE = Σ_b |B_b|/n · |accuracy(B_b) − mean confidence(B_b)|.
/// </summary>
public static class CalibrationError
{
    /// <summary>The ECE of probability rows (each summing to 1) against their labels, with <paramref name="bins"/> bins.</summary>
    public static double Expected(FeatureSet probabilities, int bins = 15)
    {
        ArgumentNullException.ThrowIfNull(probabilities);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        var count = new int[bins];
        var correct = new double[bins];
        var confidence = new double[bins];
        var w = probabilities.Width;
        for (var i = 0; i < probabilities.Count; i++)
        {
            var row = probabilities.Features.AsSpan(i * w, w);
            var top = 0;
            for (var j = 1; j < w; j++)
            {
                top = row[j] > row[top] ? j : top;
            }

            // Bins are (k/B, (k+1)/B]; a confidence of exactly 0 joins the first.
            var b = Math.Clamp((int)Math.Ceiling(row[top] * bins) - 1, 0, bins - 1);
            count[b]++;
            confidence[b] += row[top];
            correct[b] += top == probabilities.Labels[i] ? 1 : 0;
        }

        double ece = 0;
        for (var b = 0; b < bins; b++)
        {
            if (count[b] > 0)
            {
                ece += Math.Abs(correct[b] - confidence[b]) / probabilities.Count;
            }
        }

        return ece;
    }
}
