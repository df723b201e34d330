using Entanglement.Systems;

namespace Entanglement.Scenarios;

/// <summary>
/// The §4.2 grid over seeds: u's and v's test errors per noise level, the downstream errors per (p_u, p_v) cell, the
/// "improve u alone" sweep (p_v at its highest level) for Definition 2.1, and the diagonal-versus-off-diagonal contrast.
/// </summary>
public sealed record AntiCorrelatedResult
{
    public required AntiCorrelatedErrors.Config Config { get; init; }

    public required IReadOnlyList<AntiCorrelatedErrors.SeedGrid> Grids { get; init; }

    /// <summary>u's noise level decreasing from the highest to 0 with v kept at the highest level.</summary>
    public required SweepResult ImproveU { get; init; }

    /// <summary>v's noise level decreasing from the highest to 0 with u kept at the highest level.</summary>
    public required SweepResult ImproveV { get; init; }

    /// <summary>Mean over seeds of the retrained (Bayes-cell) downstream error, [p_u index, p_v index].</summary>
    public double[,] MeanDownstream => Mean(g => g.WBayes);

    public double[,] MeanPaperRule => Mean(g => g.WRule);

    public double[,] MeanLinear => Mean(g => g.WLinear);

    /// <summary>Mean test error of u per noise level.</summary>
    public double[] MeanUError => [.. Enumerable.Range(0, Config.P.Count).Select(k => Grids.Average(g => g.UError[k]))];

    /// <summary>Mean over seeds of the share of flipped training images that are 1s, per noise level (NaN at p = 0).</summary>
    public double[] MeanFlippedOnes => [.. Enumerable.Range(0, Config.P.Count).Select(k => Grids.Average(g => g.FlippedOnes[k]))];

    public double[] MeanVError => [.. Enumerable.Range(0, Config.P.Count).Select(k => Grids.Average(g => g.VError[k]))];

    /// <summary>Downstream errors of equal-noise cells (p_u = p_v) against unequal ones, per seed, with Welch's test.</summary>
    public WelchTest DiagonalVersusOffDiagonal
    {
        get
        {
            var n = Config.P.Count;
            var diagonal = Grids.Select(g => Enumerable.Range(0, n).Average(k => g.WBayes[k, k])).ToArray();
            var off = Grids.Select(g => Enumerable.Range(0, n).SelectMany(a => Enumerable.Range(0, n).Where(b => b != a)
                .Select(b => g.WBayes[a, b])).DefaultIfEmpty(double.NaN).Average()).ToArray();
            return WelchTest.Of(diagonal, off);
        }
    }

    public static AntiCorrelatedResult From(AntiCorrelatedErrors.Config config, IReadOnlyList<AntiCorrelatedErrors.SeedGrid> grids)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(grids);
        var n = config.P.Count;
        var levels = Enumerable.Range(0, n).Reverse().ToArray();
        SweepResult Improve(bool u) => new()
        {
            Experiment = "Anti-correlated errors (§4.2)",
            Knob = u ? "p_u" : "p_v",
            KnobDescription = $"label-noise level of {(u ? "u" : "v")} (the other upstream at p = {config.P[^1]})",
            KnobValues = [.. levels.Select(k => config.P[k])],
            UpstreamModel = u ? "u: {1, 6} vs 7" : "v: 1 vs {6, 7}",
            DownstreamModel = "w: {1, 7} vs 6, Bayes-optimal rule on the (u, v) cells",
            UpstreamLoss = $"zero-one error of {(u ? "u" : "v")}",
            DownstreamLoss = "zero-one error",
            Profile = config.Profile,
            Seeds = config.Seeds,
            Settings = config.Describe(),
            Upstream = [.. levels.Select(k => grids.Select(g => u ? g.UError[k] : g.VError[k]).ToArray())],
            Downstream = [.. levels.Select(k => grids.Select(g => u ? g.WBayes[k, n - 1] : g.WBayes[n - 1, k]).ToArray())],
        };
        return new AntiCorrelatedResult { Config = config, Grids = grids, ImproveU = Improve(true), ImproveV = Improve(false) };
    }

    private double[,] Mean(Func<AntiCorrelatedErrors.SeedGrid, double[,]> pick)
    {
        var n = Config.P.Count;
        var m = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                m[a, b] = Grids.Average(g => pick(g)[a, b]);
            }
        }

        return m;
    }
}
