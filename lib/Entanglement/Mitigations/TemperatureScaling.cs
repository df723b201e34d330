using Entanglement.Scenarios.Training;

namespace Entanglement.Mitigations;

/// <summary>
/// Temperature scaling (Guo et al., 2017, "On calibration of modern neural networks"): one scalar T > 0 divides every
/// logit; T minimises the negative log-likelihood on a held-out split, so the arg-max never changes.
/// </summary>
public static class TemperatureScaling
{
    /// <summary>
    /// The temperature that minimises the mean NLL of softmax(z / T) on <paramref name="heldOut"/> (logit rows and
    /// their labels). The NLL is convex in β = 1/T, so a golden-section search over β ∈ [1e-3, 1e3] (on log β) finds it.
    /// </summary>
    public static double Fit(FeatureSet heldOut)
    {
        ArgumentNullException.ThrowIfNull(heldOut);
        if (heldOut.Count == 0)
        {
            throw new ArgumentException("TemperatureScaling.Fit: the held-out split is empty.", nameof(heldOut));
        }

        double lo = Math.Log(1e-3), hi = Math.Log(1e3);
        var ratio = (Math.Sqrt(5) - 1) / 2;
        var a = hi - (ratio * (hi - lo));
        var b = lo + (ratio * (hi - lo));
        double fa = NegativeLogLikelihood(heldOut, Math.Exp(-a)), fb = NegativeLogLikelihood(heldOut, Math.Exp(-b));
        for (var i = 0; i < 100 && hi - lo > 1e-6; i++)
        {
            if (fa <= fb)
            {
                (hi, b, fb) = (b, a, fa);
                a = hi - (ratio * (hi - lo));
                fa = NegativeLogLikelihood(heldOut, Math.Exp(-a));
            }
            else
            {
                (lo, a, fa) = (a, b, fb);
                b = lo + (ratio * (hi - lo));
                fb = NegativeLogLikelihood(heldOut, Math.Exp(-b));
            }
        }

        // The search ran over log β; T = 1/β.
        return Math.Exp(-(lo + hi) / 2);
    }

    /// <summary>Mean −log softmax(z / T)[label] over the rows.</summary>
    public static double NegativeLogLikelihood(FeatureSet logits, double temperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        Positive(temperature);
        double sum = 0;
        var w = logits.Width;
        for (var i = 0; i < logits.Count; i++)
        {
            var row = logits.Features.AsSpan(i * w, w);
            var max = double.NegativeInfinity;
            foreach (var z in row)
            {
                max = Math.Max(max, z / temperature);
            }

            double norm = 0;
            foreach (var z in row)
            {
                norm += Math.Exp((z / temperature) - max);
            }

            sum += max + Math.Log(norm) - (row[logits.Labels[i]] / temperature);
        }

        return sum / logits.Count;
    }

    /// <summary>softmax(z / T) of every row (probabilities, same width and labels).</summary>
    public static FeatureSet Probabilities(FeatureSet logits, double temperature)
    {
        ArgumentNullException.ThrowIfNull(logits);
        Positive(temperature);
        var w = logits.Width;
        var p = new float[logits.Features.Length];
        for (var i = 0; i < logits.Count; i++)
        {
            var row = logits.Features.AsSpan(i * w, w);
            var max = double.NegativeInfinity;
            foreach (var z in row)
            {
                max = Math.Max(max, z / temperature);
            }

            double norm = 0;
            for (var j = 0; j < w; j++)
            {
                norm += Math.Exp((row[j] / temperature) - max);
            }

            for (var j = 0; j < w; j++)
            {
                p[(i * w) + j] = (float)(Math.Exp((row[j] / temperature) - max) / norm);
            }
        }

        return new FeatureSet(p, w, logits.Labels);
    }

    private static void Positive(double temperature)
    {
        if (!(temperature > 0) || !double.IsFinite(temperature))
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), temperature, "TemperatureScaling: T must be finite and > 0.");
        }
    }
}
