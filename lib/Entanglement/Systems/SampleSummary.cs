using System.Globalization;

namespace Entanglement.Systems;

/// <summary>Mean and sample standard deviation (n − 1 denominator) of a sample, e.g. a loss over seeds.</summary>
/// <param name="Count">Sample size n.</param>
/// <param name="Mean">Arithmetic mean.</param>
/// <param name="StandardDeviation">Sample standard deviation; NaN when n &lt; 2.</param>
public sealed record SampleSummary(int Count, double Mean, double StandardDeviation)
{
    /// <summary>Sample variance s²; NaN when n &lt; 2.</summary>
    public double Variance => StandardDeviation * StandardDeviation;

    /// <summary>
    /// "0.123 ± 0.010" in <paramref name="format"/>; one value reads "0.123 (one seed)" and no values (or a NaN mean)
    /// "undefined (no values)", never NaN.
    /// </summary>
    public string Describe(string format = "0.####")
    {
        string Number(double value) => value.ToString(format, CultureInfo.InvariantCulture);
        if (Count == 0 || double.IsNaN(Mean))
        {
            return "undefined (no values)";
        }

        return double.IsNaN(StandardDeviation) ? $"{Number(Mean)} (one seed)" : $"{Number(Mean)} ± {Number(StandardDeviation)}";
    }

    /// <summary>Summarises the values (at least one, all finite).</summary>
    public static SampleSummary Of(IReadOnlyCollection<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0 || values.Any(v => !double.IsFinite(v)))
        {
            throw new ArgumentException("SampleSummary: needs at least one value, all finite.", nameof(values));
        }

        var mean = values.Sum() / values.Count;
        var sd = values.Count < 2
            ? double.NaN
            : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new SampleSummary(values.Count, mean, sd);
    }
}
