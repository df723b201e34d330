using Entanglement.Systems;

namespace Entanglement.Tests.Systems;

/// <summary>
/// Welch's test, Student's t and the incomplete beta function against closed forms, tabulated quantiles and
/// reference values computed with mpmath at 30 digits (betainc, and the Welch formulas written out).
/// </summary>
public sealed class StatisticsTests
{
    [Theory]
    [InlineData(0.3, 2.5, 0.5, 0.0189271240719456535)]
    [InlineData(0.9, 10.0, 3.0, 0.889130022255)]
    [InlineData(0.01, 0.7, 40.0, 0.495334244993798224)]
    public void Incomplete_beta_matches_mpmath(double x, double a, double b, double expected) =>
        Assert.Equal(expected, SpecialFunctions.RegularizedIncompleteBeta(x, a, b), 12);

    [Theory]
    [InlineData(0.2, 3.0)]
    [InlineData(0.7, 0.5)]
    [InlineData(0.95, 12.0)]
    public void Incomplete_beta_matches_closed_forms(double x, double a)
    {
        Assert.Equal(Math.Pow(x, a), SpecialFunctions.RegularizedIncompleteBeta(x, a, 1), 12);
        Assert.Equal(1 - Math.Pow(1 - x, a), SpecialFunctions.RegularizedIncompleteBeta(x, 1, a), 12);
        Assert.Equal(0.5, SpecialFunctions.RegularizedIncompleteBeta(0.5, a, a), 12);
    }

    [Theory]
    [InlineData(-3.0)]
    [InlineData(0.4)]
    [InlineData(7.5)]
    public void T_cdf_matches_closed_forms_for_one_and_two_degrees_of_freedom(double t)
    {
        Assert.Equal(0.5 + (Math.Atan(t) / Math.PI), StudentT.Cdf(t, 1), 12);
        Assert.Equal(0.5 + (t / (2 * Math.Sqrt(2 + (t * t)))), StudentT.Cdf(t, 2), 12);
    }

    [Theory]
    [InlineData(1.0, 12.7062047361747046)]
    [InlineData(10.0, 2.22813885198627475)]
    [InlineData(30.0, 2.04227245630123831)]
    [InlineData(4.5, 2.65891234720440377)]
    public void T_quantile_matches_tables(double df, double expected) =>
        Assert.Equal(expected, StudentT.Quantile(0.975, df), 9);

    [Fact]
    public void T_cdf_at_fractional_df_matches_mpmath() =>
        Assert.Equal(0.912218453598456938, StudentT.Cdf(1.5, 7.3), 12);

    [Fact]
    public void Welch_test_matches_reference_for_a_drop_in_loss()
    {
        var test = WelchTest.Of([0.12, 0.15, 0.11, 0.14, 0.13], [0.10, 0.09, 0.12, 0.08, 0.11, 0.10]);

        Assert.Equal(-0.03, test.Difference, 12);
        Assert.Equal(-3.28633534503099676, test.T, 10);
        Assert.Equal(8.19672131147540921, test.DegreesOfFreedom, 10);
        Assert.Equal(0.0107163765351210006, test.PValue, 10);
        Assert.Equal(-0.0509632244037504352, test.Lower, 9);
        Assert.Equal(-0.00903677559624956629, test.Upper, 9);
        Assert.Equal(Math.Sqrt(0.00025), test.Before.StandardDeviation, 12);
    }

    [Fact]
    public void Welch_test_matches_reference_for_unequal_sizes_and_spreads()
    {
        var test = WelchTest.Of([1, 2, 3, 4, 5], [2, 4, 6, 8, 10, 12, 14]);

        Assert.Equal(5.0, test.Difference, 12);
        Assert.Equal(2.80975743474508190, test.T, 10);
        Assert.Equal(8.03710575139146568, test.DegreesOfFreedom, 10);
        Assert.Equal(0.0227472552796709253, test.PValue, 10);
        Assert.Equal(0.899730922437538793, test.Lower, 9);
        Assert.Equal(9.10026907756246121, test.Upper, 9);
    }

    [Fact]
    public void Welch_test_without_spread_is_certain_and_with_one_value_is_undefined()
    {
        var certain = WelchTest.Of([0.0, 0.0, 0.0], [0.5, 0.5, 0.5]);
        Assert.Equal(double.PositiveInfinity, certain.T);
        Assert.Equal(0.0, certain.PValue);

        Assert.Equal(1.0, WelchTest.Of([0.2, 0.2], [0.2, 0.2]).PValue);
        Assert.True(double.IsNaN(WelchTest.Of([0.1], [0.2, 0.3]).PValue));
    }
}
