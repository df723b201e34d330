namespace Entanglement.Systems;

/// <summary>Student's t distribution with <c>df</c> (real, positive) degrees of freedom.</summary>
public static class StudentT
{
    /// <summary>P(T ≤ t) = 1 − ½ I_{df/(df+t²)}(df/2, ½) for t ≥ 0, symmetric for t &lt; 0.</summary>
    public static double Cdf(double t, double df)
    {
        CheckDf(df);
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        if (double.IsInfinity(t))
        {
            return t > 0 ? 1 : 0;
        }

        var tail = 0.5 * SpecialFunctions.RegularizedIncompleteBeta(df / (df + (t * t)), df / 2, 0.5);
        return t >= 0 ? 1 - tail : tail;
    }

    /// <summary>Two-sided p-value P(|T| ≥ |t|) = I_{df/(df+t²)}(df/2, ½).</summary>
    public static double TwoSidedPValue(double t, double df)
    {
        CheckDf(df);
        if (double.IsNaN(t))
        {
            return double.NaN;
        }

        return double.IsInfinity(t) ? 0 : SpecialFunctions.RegularizedIncompleteBeta(df / (df + (t * t)), df / 2, 0.5);
    }

    /// <summary>The quantile t with P(T ≤ t) = p, by bisection on <see cref="Cdf"/> to about 1e-12.</summary>
    public static double Quantile(double p, double df)
    {
        CheckDf(df);
        if (!(p > 0 && p < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "StudentT.Quantile needs 0 < p < 1.");
        }

        if (p < 0.5)
        {
            return -Quantile(1 - p, df);
        }

        double lo = 0, hi = 1;
        while (Cdf(hi, df) < p)
        {
            lo = hi;
            hi *= 2;
        }

        for (var i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, hi); i++)
        {
            var mid = 0.5 * (lo + hi);
            if (Cdf(mid, df) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }

        return 0.5 * (lo + hi);
    }

    private static void CheckDf(double df)
    {
        if (!(df > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(df), df, "StudentT needs df > 0.");
        }
    }
}
