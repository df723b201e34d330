using Entanglement.Systems;

namespace Entanglement.Diagnostics;

/// <summary>
/// The <see cref="ErrorDecomposition"/> of the retrained downstream at every knob value (over seeds), and its change
/// from the first to the last knob value, part by part, with Welch's test of each part's change.
/// </summary>
/// <param name="KnobValues">The knob values, by point.</param>
/// <param name="PerPoint">Each point's decompositions, one per seed.</param>
public sealed record DecompositionReport(IReadOnlyList<double> KnobValues, IReadOnlyList<IReadOnlyList<ErrorDecomposition>> PerPoint)
{
    /// <summary>Part names in the order they stack.</summary>
    public static IReadOnlyList<string> Parts { get; } = ["information", "approximation", "estimation"];

    /// <summary>Whether both probes were recorded (otherwise only the downstream's total is known).</summary>
    public bool IsComplete => PerPoint.All(p => p.All(d => double.IsFinite(d.Information) && double.IsFinite(d.InClass)));

    /// <summary>Mean over seeds of one part (by <see cref="Parts"/> name, or "downstream") at each point.</summary>
    public double[] Mean(string part) => [.. PerPoint.Select(p => p.Average(d => Pick(d, part)))];

    /// <summary>Sample standard deviation over seeds of one part at each point.</summary>
    public double[] StandardDeviation(string part) =>
        [.. PerPoint.Select(p => p.Count < 2 ? double.NaN : SampleSummary.Of([.. p.Select(d => Pick(d, part))]).StandardDeviation)];

    /// <summary>Welch's test of one part's change from the first to the last knob value.</summary>
    public WelchTest Change(string part) =>
        WelchTest.Of([.. PerPoint[0].Select(d => Pick(d, part))], [.. PerPoint[^1].Select(d => Pick(d, part))]);

    /// <summary>Decomposes every run of the sweep.</summary>
    public static DecompositionReport Of(OutcomeSweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var points = Enumerable.Range(0, sweep.KnobValues.Count)
            .Select(p => (IReadOnlyList<ErrorDecomposition>)[.. sweep.Runs.Where(r => r.PointIndex == p).OrderBy(r => r.Seed)
                .Select(r => ErrorDecomposition.Of(sweep, r))])
            .ToArray();
        return points.Any(p => p.Count == 0)
            ? throw new ArgumentException($"{sweep.Experiment}: some knob value has no stored run.", nameof(sweep))
            : new DecompositionReport(sweep.KnobValues, points);
    }

    private static double Pick(ErrorDecomposition d, string part) => part switch
    {
        "information" => d.Information,
        "approximation" => d.Approximation,
        "estimation" => d.Estimation,
        "downstream" => d.Downstream,
        _ => throw new ArgumentException($"Unknown part '{part}'; expected downstream, {string.Join(", ", Parts)}.", nameof(part)),
    };
}
