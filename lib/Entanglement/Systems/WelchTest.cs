namespace Entanglement.Systems;

/// <summary>
/// Welch's unequal-variances t-test of the difference of two means, <c>Δ = mean(after) − mean(before)</c>: the
/// statistic <c>t = Δ / √(s₁²/n₁ + s₂²/n₂)</c>, Welch–Satterthwaite degrees of freedom, the two-sided p-value and
/// a confidence interval of Δ (as <c>scipy.stats.ttest_ind(after, before, equal_var=False)</c>).
/// </summary>
/// <param name="Before">Summary of the first sample.</param>
/// <param name="After">Summary of the second sample.</param>
/// <param name="Difference">Δ = mean(after) − mean(before).</param>
/// <param name="T">The t statistic (±∞ when both samples have zero spread and Δ ≠ 0; 0 when Δ = 0).</param>
/// <param name="DegreesOfFreedom">Welch–Satterthwaite df; n₁ + n₂ − 2 when both spreads are zero.</param>
/// <param name="PValue">Two-sided p-value; NaN when a sample has fewer than two values.</param>
/// <param name="ConfidenceLevel">Level of the interval, e.g. 0.95.</param>
/// <param name="Lower">Lower end of the confidence interval of Δ.</param>
/// <param name="Upper">Upper end of the confidence interval of Δ.</param>
public sealed record WelchTest(
    SampleSummary Before,
    SampleSummary After,
    double Difference,
    double T,
    double DegreesOfFreedom,
    double PValue,
    double ConfidenceLevel,
    double Lower,
    double Upper)
{
    /// <summary>Runs the test on two samples.</summary>
    public static WelchTest Of(IReadOnlyCollection<double> before, IReadOnlyCollection<double> after, double confidenceLevel = 0.95)
    {
        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Needs 0 < level < 1.");
        }

        var b = SampleSummary.Of(before);
        var a = SampleSummary.Of(after);
        var difference = a.Mean - b.Mean;
        if (a.Count < 2 || b.Count < 2)
        {
            return new WelchTest(b, a, difference, double.NaN, double.NaN, double.NaN, confidenceLevel, double.NaN, double.NaN);
        }

        var vb = b.Variance / b.Count;
        var va = a.Variance / a.Count;
        var se = Math.Sqrt(va + vb);
        if (se == 0)
        {
            // No spread in either sample: any difference is certain, none is certainly none.
            var t0 = difference == 0 ? 0 : Math.CopySign(double.PositiveInfinity, difference);
            return new WelchTest(
                b, a, difference, t0, a.Count + b.Count - 2, difference == 0 ? 1 : 0, confidenceLevel, difference, difference);
        }

        var t = difference / se;
        var df = (va + vb) * (va + vb) / ((va * va / (a.Count - 1)) + (vb * vb / (b.Count - 1)));
        var p = StudentT.TwoSidedPValue(t, df);
        var half = StudentT.Quantile(0.5 + (confidenceLevel / 2), df) * se;
        return new WelchTest(b, a, difference, t, df, p, confidenceLevel, difference - half, difference + half);
    }
}
