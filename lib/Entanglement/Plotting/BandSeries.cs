namespace Entanglement.Plotting;

/// <summary>A named series of means and standard deviations over x, e.g. a test loss over a knob across seeds.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="X">x values (the knob).</param>
/// <param name="Mean">Mean at each x.</param>
/// <param name="Sd">Standard deviation at each x (zero when there is one seed).</param>
public sealed record BandSeries(string Name, IReadOnlyList<double> X, IReadOnlyList<double> Mean, IReadOnlyList<double> Sd)
{
    /// <summary>
    /// Mean and sample standard deviation (n − 1 denominator; 0 for one value) of the values at each x,
    /// e.g. one value per seed.
    /// </summary>
    public static BandSeries FromSamples(string name, IReadOnlyList<double> x, IReadOnlyList<IReadOnlyList<double>> samples)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(samples);
        if (x.Count != samples.Count)
        {
            throw new ArgumentException($"Series '{name}': {x.Count} x values but {samples.Count} sample sets.", nameof(samples));
        }

        var mean = new double[x.Count];
        var sd = new double[x.Count];
        for (var i = 0; i < x.Count; i++)
        {
            var s = samples[i];
            if (s.Count == 0)
            {
                throw new ArgumentException($"Series '{name}': no samples at x = {x[i]}.", nameof(samples));
            }

            mean[i] = s.Average();
            var m = mean[i];
            sd[i] = s.Count < 2 ? 0 : Math.Sqrt(s.Sum(v => (v - m) * (v - m)) / (s.Count - 1));
        }

        return new BandSeries(name, [.. x], mean, sd);
    }

    /// <summary>Throws unless X, Mean and Sd have the same length.</summary>
    internal void Validate()
    {
        ArgumentNullException.ThrowIfNull(Name);
        if (X is null || Mean is null || Sd is null || X.Count != Mean.Count || X.Count != Sd.Count)
        {
            throw new ArgumentException(
                $"Series '{Name}': x, mean and sd must have the same length ({X?.Count}, {Mean?.Count}, {Sd?.Count}).");
        }
    }
}
