using Entanglement.Diagnostics;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Toy;

/// <summary>
/// The paper's Figure 3 (anti-correlated errors, §3): two upstream classifiers u and v err on the same hard
/// examples in complementary directions, and the downstream rule w exploits it; fixing u alone removes the
/// signal w relied on, so the retrained w′ gets worse.
/// </summary>
/// <remarks>
/// Construction (ours, mirroring §4.2): three Gaussian groups in the plane, "1" around (−1, 0), "7" around (1, 0)
/// and "6" around (0, 1.6); w's task is {1, 7} vs 6. u answers "7?" with the rule x₁ &gt; t_u and x₂ &lt; 0.8;
/// v answers "1?" with x₁ &lt; t_v and x₂ &lt; 0.8. With t_u = t_v = −0.4 both err on the 1s in −0.4 &lt; x₁ &lt; 0,
/// and the cell they land in also holds the 7s, so w labels it correctly. The knob moves u's threshold to its
/// Bayes value 0. The downstream w is Bayes-optimal for the four (u, v) cells, estimated on training data.
/// </remarks>
public static class ToyAntiCorrelatedErrors
{
    /// <summary>Settings of the illustration.</summary>
    public sealed record Config
    {
        public int TrainSize { get; init; } = 600;

        public int TestSize { get; init; } = 600;

        /// <summary>Standard deviation of each group.</summary>
        public double Spread { get; init; } = 0.45;

        /// <summary>v's fixed threshold t_v.</summary>
        public double ThresholdV { get; init; } = -0.4;

        /// <summary>The knob: u's threshold t_u, from the anti-correlated −0.4 to the Bayes-optimal 0.</summary>
        public IReadOnlyList<double> ThresholdsU { get; init; } = [-0.4, -0.3, -0.2, -0.1, 0.0];

        public IReadOnlyList<int> Seeds { get; init; } = [0, 1, 2, 3, 4];

        public Profile Profile { get; init; } = Profile.Quick;

        /// <summary>Instant for every profile; smoke uses fewer seeds.</summary>
        public static Config For(Profile profile) =>
            profile == Profile.Smoke ? new Config { Seeds = [0, 1], Profile = profile } : new Config { Profile = profile };
    }

    /// <summary>The sweep over u's threshold, and the test points of the first seed for the scatter plots.</summary>
    public sealed record Result
    {
        public required SweepResult Sweep { get; init; }

        /// <summary>Test points (x₁, x₂) of the first seed.</summary>
        public required double[][] Points { get; init; }

        /// <summary>Group of each test point: 1, 6 or 7.</summary>
        public required int[] Groups { get; init; }

        /// <summary>w's prediction ({1, 7} = true) with u and with u′ (the last threshold), first seed.</summary>
        public required bool[] PredictionsW { get; init; }

        public required bool[] PredictionsWPrime { get; init; }

        /// <summary>Per-example outcomes of u, v and w (with the decomposition probes) at every threshold and seed.</summary>
        public required OutcomeSweep Outcomes { get; init; }
    }

    public static Result Run(Config config, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.ThresholdsU.Count == 0 || config.Seeds.Count == 0)
        {
            throw new ArgumentException("ToyAntiCorrelatedErrors: at least one threshold and one seed are needed.", nameof(config));
        }

        var upstream = config.ThresholdsU.Select(_ => new double[config.Seeds.Count]).ToArray();
        var downstream = config.ThresholdsU.Select(_ => new double[config.Seeds.Count]).ToArray();
        double[][]? points = null;
        int[]? groups = null;
        bool[]? first = null;
        bool[]? last = null;
        var runs = new List<SystemRun>();
        for (var s = 0; s < config.Seeds.Count; s++)
        {
            var rng = new Rng(config.Seeds[s]).Fork("toy-figure-3");
            var train = Sample(rng.Fork("train"), config.TrainSize, config.Spread);
            var test = Sample(rng.Fork("test"), config.TestSize, config.Spread);
            for (var k = 0; k < config.ThresholdsU.Count; k++)
            {
                var tu = config.ThresholdsU[k];
                upstream[k][s] = test.X.Where((p, i) => U(p, tu) != (test.G[i] == 7)).Count() / (double)test.G.Length;
                var rule = BayesRule(train.X, train.G, tu, config.ThresholdV);
                var predictions = test.X.Select(p => rule[Cell(p, tu, config.ThresholdV)]).ToArray();
                downstream[k][s] = predictions.Where((p, i) => p != (test.G[i] != 6)).Count() / (double)test.G.Length;
                var inClassRule = BayesRule(test.X, test.G, tu, config.ThresholdV);
                runs.Add(ToyOutcomes.AntiCorrelated(k, config.Seeds[s], test.G, [.. test.X.Select(p => U(p, tu))],
                    [.. test.X.Select(p => V(p, config.ThresholdV))], predictions,
                    [.. test.X.Select(p => inClassRule[Cell(p, tu, config.ThresholdV)])]));
                if (s == 0)
                {
                    first ??= predictions;
                    last = predictions;
                }
            }

            points ??= test.X;
            groups ??= test.G;
            progress?.Report($"Figure 3 toy: seed {config.Seeds[s]} done");
        }

        var sweep = new SweepResult
        {
            Experiment = "Anti-correlated errors, toy illustration (Figure 3)",
            Knob = "t_u",
            KnobDescription = "threshold of upstream u (0 is Bayes-optimal)",
            KnobValues = [.. config.ThresholdsU],
            UpstreamModel = "u: {1, 6} vs 7 rule on the plane (v fixed: 1 vs {6, 7})",
            DownstreamModel = "Bayes-optimal rule on the four (u, v) output cells, estimated on training data",
            UpstreamLoss = "zero-one error of u",
            DownstreamLoss = "zero-one error",
            Profile = config.Profile,
            Seeds = config.Seeds,
            Upstream = upstream,
            Downstream = downstream,
            Settings = FormattableString.Invariant(
                $"{config.TrainSize} train / {config.TestSize} test points, spread {config.Spread}, t_v = {config.ThresholdV}"),
        };
        return new Result
        {
            Sweep = sweep,
            Points = points ?? [],
            Groups = groups ?? [],
            PredictionsW = first ?? [],
            PredictionsWPrime = last ?? [],
            Outcomes = new OutcomeSweep
            {
                Experiment = sweep.Experiment,
                Knob = sweep.Knob,
                KnobValues = sweep.KnobValues,
                Updated = "u",
                OtherUpstreams = ["v"],
                Runs = runs,
                Provenance = sweep.Provenance,
            },
        };
    }

    private static bool U(double[] p, double threshold) => p[0] > threshold && p[1] < 0.8;

    private static bool V(double[] p, double threshold) => p[0] < threshold && p[1] < 0.8;

    private static int Cell(double[] p, double tu, double tv) => (U(p, tu) ? 2 : 0) + (V(p, tv) ? 1 : 0);

    /// <summary>For each (u, v) cell, the majority answer to "{1, 7}?" among training points (ties: {1, 7}).</summary>
    private static bool[] BayesRule(double[][] x, int[] g, double tu, double tv)
    {
        var positive = new int[4];
        var total = new int[4];
        for (var i = 0; i < x.Length; i++)
        {
            var c = Cell(x[i], tu, tv);
            total[c]++;
            positive[c] += g[i] != 6 ? 1 : 0;
        }

        return [.. Enumerable.Range(0, 4).Select(c => 2 * positive[c] >= total[c])];
    }

    private static (double[][] X, int[] G) Sample(Rng rng, int n, double spread)
    {
        int[] group = [1, 7, 6];
        double[][] centre = [[-1.0, 0.0], [1.0, 0.0], [0.0, 1.6]];
        var x = new double[n][];
        var g = new int[n];
        for (var i = 0; i < n; i++)
        {
            var k = i % 3;
            x[i] = [centre[k][0] + (spread * rng.NextNormal()), centre[k][1] + (spread * rng.NextNormal())];
            g[i] = group[k];
        }

        return (x, g);
    }
}
