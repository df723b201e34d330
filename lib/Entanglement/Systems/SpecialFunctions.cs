namespace Entanglement.Systems;

/// <summary>Log-gamma and the regularised incomplete beta function, for the Student t distribution.</summary>
public static class SpecialFunctions
{
    private static readonly double[] LanczosCoefficients =
    [
        0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7,
    ];

    /// <summary>ln Γ(x) for x &gt; 0 (Lanczos approximation, g = 7, about 15 significant digits).</summary>
    public static double LogGamma(double x)
    {
        if (!(x > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "LogGamma needs x > 0.");
        }

        if (x < 0.5)
        {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return Math.Log(Math.PI / Math.Sin(Math.PI * x)) - LogGamma(1 - x);
        }

        x -= 1;
        var sum = LanczosCoefficients[0];
        for (var i = 1; i < LanczosCoefficients.Length; i++)
        {
            sum += LanczosCoefficients[i] / (x + i);
        }

        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    /// <summary>
    /// The regularised incomplete beta function <c>I_x(a, b)</c> for a, b &gt; 0 and 0 ≤ x ≤ 1, by Lentz's continued
    /// fraction, using the symmetry <c>I_x(a, b) = 1 − I_{1−x}(b, a)</c> where the fraction converges faster.
    /// </summary>
    public static double RegularizedIncompleteBeta(double x, double a, double b)
    {
        if (!(a > 0) || !(b > 0))
        {
            throw new ArgumentOutOfRangeException(nameof(a), $"RegularizedIncompleteBeta needs a, b > 0; got {a}, {b}.");
        }

        if (!(x >= 0 && x <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(x), x, "RegularizedIncompleteBeta needs 0 <= x <= 1.");
        }

        if (x == 0 || x == 1)
        {
            return x;
        }

        var logFront = LogGamma(a + b) - LogGamma(a) - LogGamma(b) + (a * Math.Log(x)) + (b * Math.Log(1 - x));
        var front = Math.Exp(logFront);
        return x < (a + 1) / (a + b + 2)
            ? front * ContinuedFraction(x, a, b) / a
            : 1 - (front * ContinuedFraction(1 - x, b, a) / b);
    }

    private static double ContinuedFraction(double x, double a, double b)
    {
        const double Tiny = 1e-300;
        const double Epsilon = 1e-15;
        double c = 1, d = 1 - ((a + b) * x / (a + 1));
        d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
        var h = d;
        for (var m = 1; m <= 10_000; m++)
        {
            // Even step: d_{2m} = m(b−m)x / ((a+2m−1)(a+2m)).
            var numerator = m * (b - m) * x / ((a + (2 * m) - 1) * (a + (2 * m)));
            d = 1 + (numerator * d);
            c = 1 + (numerator / c);
            d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            h *= d * c;

            // Odd step: d_{2m+1} = −(a+m)(a+b+m)x / ((a+2m)(a+2m+1)).
            numerator = -(a + m) * (a + b + m) * x / ((a + (2 * m)) * (a + (2 * m) + 1));
            d = 1 + (numerator * d);
            c = 1 + (numerator / c);
            d = 1 / (Math.Abs(d) < Tiny ? Tiny : d);
            c = Math.Abs(c) < Tiny ? Tiny : c;
            var delta = d * c;
            h *= delta;
            if (Math.Abs(delta - 1) < Epsilon)
            {
                return h;
            }
        }

        throw new InvalidOperationException($"RegularizedIncompleteBeta did not converge for x={x}, a={a}, b={b}.");
    }
}
