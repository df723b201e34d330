using Entanglement.Systems;

namespace Entanglement.Diagnostics;

/// <summary>
/// Exact tests on counts of examples, for evidence pooled over the examples of every seed (where Welch's test over a
/// handful of seeds has little power): McNemar's test of paired right/wrong outcomes and Fisher's test of a 2 × 2 table.
/// </summary>
public static class ExactTests
{
    /// <summary>
    /// McNemar's exact test of paired outcomes: under "no change", each of the <paramref name="negative"/> +
    /// <paramref name="positive"/> discordant examples (right → wrong, wrong → right) is either with probability ½;
    /// the two-sided p-value is min(1, 2·P(X ≤ min(b, c))) for X ~ Binomial(b + c, ½) (1 when nothing flipped).
    /// </summary>
    public static double McNemar(int negative, int positive)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(negative, nameof(negative));
        ArgumentOutOfRangeException.ThrowIfNegative(positive, nameof(positive));
        var n = negative + positive;
        if (n == 0)
        {
            return 1;
        }

        var k = Math.Min(negative, positive);
        double tail = 0;
        for (var i = 0; i <= k; i++)
        {
            tail += Math.Exp(LogChoose(n, i) - (n * Math.Log(2)));
        }

        return Math.Min(1, 2 * tail);
    }

    /// <summary>
    /// Fisher's exact test, one-sided, of the table [[a, b], [c, d]] (rows: groups, columns: event, no event): the
    /// probability, with all margins fixed, of at least <paramref name="a"/> events in the first row (hypergeometric
    /// upper tail) — small when the event is more frequent in the first group than in the second.
    /// </summary>
    public static double FisherGreater(int a, int b, int c, int d)
    {
        if (a < 0 || b < 0 || c < 0 || d < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(a), $"FisherGreater: counts must be non-negative, got [[{a}, {b}], [{c}, {d}]].");
        }

        int row = a + b, events = a + c, n = a + b + c + d;
        var max = Math.Min(row, events);
        var denominator = LogChoose(n, row);
        double tail = 0;
        for (var x = a; x <= max; x++)
        {
            tail += Math.Exp(LogChoose(events, x) + LogChoose(n - events, row - x) - denominator);
        }

        return Math.Min(1, tail);
    }

    private static double LogChoose(int n, int k) =>
        k < 0 || k > n ? double.NegativeInfinity
        : SpecialFunctions.LogGamma(n + 1) - SpecialFunctions.LogGamma(k + 1) - SpecialFunctions.LogGamma(n - k + 1);
}
