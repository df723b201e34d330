using System.Numerics;
using Entanglement.Diagnostics;

namespace Entanglement.Tests.Diagnostics;

/// <summary>The exact tests against sums of exact binomial coefficients (BigInteger arithmetic, no log-gamma).</summary>
public sealed class ExactTestsTests
{
    [Theory]
    [InlineData(0, 0)]
    [InlineData(7, 1)]
    [InlineData(1, 7)]
    [InlineData(12, 12)]
    [InlineData(40, 22)]
    [InlineData(3, 0)]
    public void McNemar_is_the_two_sided_exact_binomial_test(int negative, int positive)
    {
        var n = negative + positive;
        var k = Math.Min(negative, positive);
        var tail = Enumerable.Range(0, k + 1).Aggregate(BigInteger.Zero, (s, i) => s + Choose(n, i));
        var expected = n == 0 ? 1 : Math.Min(1, 2 * Ratio(tail, BigInteger.Pow(2, n)));

        Assert.Equal(expected, ExactTests.McNemar(negative, positive), 10);
    }

    [Theory]
    [InlineData(8, 2, 1, 5)]
    [InlineData(1, 9, 11, 3)]
    [InlineData(0, 5, 0, 5)]
    [InlineData(30, 70, 10, 90)]
    [InlineData(3, 0, 0, 3)]
    public void Fisher_greater_is_the_upper_hypergeometric_tail(int a, int b, int c, int d)
    {
        int row = a + b, events = a + c, n = a + b + c + d;
        var tail = BigInteger.Zero;
        for (var x = a; x <= Math.Min(row, events); x++)
        {
            tail += Choose(events, x) * Choose(n - events, row - x);
        }

        Assert.Equal(Math.Min(1, Ratio(tail, Choose(n, row))), ExactTests.FisherGreater(a, b, c, d), 10);
    }

    [Fact]
    public void Fisher_greater_is_small_only_when_the_first_row_has_more_events()
    {
        Assert.True(ExactTests.FisherGreater(20, 10, 5, 25) < 0.001);
        Assert.True(ExactTests.FisherGreater(5, 25, 20, 10) > 0.99);
    }

    private static BigInteger Choose(int n, int k)
    {
        if (k < 0 || k > n)
        {
            return BigInteger.Zero;
        }

        var result = BigInteger.One;
        for (var i = 1; i <= k; i++)
        {
            result = result * (n - k + i) / i;
        }

        return result;
    }

    private static double Ratio(BigInteger numerator, BigInteger denominator) =>
        numerator.IsZero ? 0 : Math.Exp(BigInteger.Log(numerator) - BigInteger.Log(denominator));
}
