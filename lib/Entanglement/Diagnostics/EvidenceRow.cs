using System.Globalization;
using Entanglement.Systems;

namespace Entanglement.Diagnostics;

/// <summary>One measured quantity of a diagnosis: its value over seeds before and after the update, Welch's test of the change, and whether it supports the verdict.</summary>
/// <param name="Quantity">What was measured, in words.</param>
/// <param name="Test">Before/after summaries, Δ and the two-sided p-value.</param>
/// <param name="Supports">Whether this row is part of the evidence for the verdict.</param>
public sealed record EvidenceRow(string Quantity, WelchTest Test, bool Supports)
{
    /// <summary>The test behind <see cref="WelchTest.PValue"/>: Welch over seeds unless an exact test on pooled counts says otherwise.</summary>
    public string Method { get; init; } = DefaultMethod;

    /// <summary>Measures one quantity per seed before and after.</summary>
    public static EvidenceRow Of(string quantity, IReadOnlyCollection<double> before, IReadOnlyCollection<double> after) =>
        new(quantity, WelchTest.Of(before, after), false);

    /// <summary>
    /// A quantity summarised over seeds (mean ± sd of each side; NaN when a side has no value) whose p-value comes from
    /// another test, named by <paramref name="method"/> (e.g. an exact test on counts pooled over seeds).
    /// </summary>
    public static EvidenceRow WithTest(
        string quantity, IReadOnlyCollection<double> before, IReadOnlyCollection<double> after, double pValue, string method)
    {
        ArgumentNullException.ThrowIfNull(before);
        ArgumentNullException.ThrowIfNull(after);
        ArgumentException.ThrowIfNullOrEmpty(method);
        SampleSummary Summary(IReadOnlyCollection<double> values) =>
            values.Count == 0 ? new SampleSummary(0, double.NaN, double.NaN) : SampleSummary.Of(values);
        var b = Summary(before);
        var a = Summary(after);
        var test = new WelchTest(b, a, a.Mean - b.Mean, double.NaN, double.NaN, pValue, 0.95, double.NaN, double.NaN);
        return new EvidenceRow(quantity, test, false) { Method = method };
    }

    /// <summary>
    /// "0.123 ± 0.010 → 0.150 ± 0.012 (Δ +0.027, p 0.003)"; a side with no values reads "undefined (no values)", one
    /// value has no sd ("0.123 (one seed)"), and an undefined Δ or p-value says why instead of printing NaN.
    /// </summary>
    public string Describe()
    {
        var difference = double.IsFinite(Test.Difference)
            ? string.Create(CultureInfo.InvariantCulture, $"Δ {Test.Difference:+0.####;-0.####;0}")
            : "Δ undefined";
        var p = double.IsFinite(Test.PValue)
            ? string.Create(CultureInfo.InvariantCulture, $"p {Test.PValue:G2}")
            : $"p undefined: {UndefinedPValueReason()}";
        return $"{Test.Before.Describe()} → {Test.After.Describe()} ({difference}, {p}{(Method == DefaultMethod ? "" : ", " + Method)})";
    }

    private string UndefinedPValueReason() =>
        Method != DefaultMethod ? "no counts to test"
        : Math.Min(Test.Before.Count, Test.After.Count) < 2 ? "Welch's test needs at least two seeds on each side"
        : "no spread on either side";

    private const string DefaultMethod = "Welch, over seeds";
}
