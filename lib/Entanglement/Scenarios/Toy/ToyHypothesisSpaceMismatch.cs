using Entanglement.Diagnostics;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Toy;

/// <summary>
/// The paper's Figure 2 (hypothesis-space mismatch, §3): an upstream regressor v predicts a 2-D point per example,
/// a linear downstream classifier w separates two classes from that point. A richer upstream hypothesis space
/// (higher polynomial degree) fits the targets better, but the classes become non-linearly separable in the space
/// of its predictions, so the retrained linear w gets worse.
/// </summary>
/// <remarks>
/// Construction (ours; the paper's figure is a drawing): inputs x ~ U[−1, 1]², class c = [x₁ &gt; 0], target
/// t = (x₂, x₁ + a·sin πx₂). A degree-1 (linear) least-squares v keeps the class boundary a line; a higher degree
/// bends it into the sine. Training is closed-form (least squares, Newton's method), so the figure is instant.
/// </remarks>
public static class ToyHypothesisSpaceMismatch
{
    /// <summary>Settings of the illustration.</summary>
    public sealed record Config
    {
        public int TrainSize { get; init; } = 400;

        public int TestSize { get; init; } = 400;

        /// <summary>Amplitude a of the fold in the target map.</summary>
        public double Amplitude { get; init; } = 1.0;

        /// <summary>The knob: polynomial degree of the upstream regressor's hypothesis space.</summary>
        public IReadOnlyList<int> Degrees { get; init; } = [1, 2, 3, 4, 5];

        public IReadOnlyList<int> Seeds { get; init; } = [0, 1, 2, 3, 4];

        public Profile Profile { get; init; } = Profile.Quick;

        /// <summary>The illustration is instant, so every profile uses the same data; smoke uses fewer seeds.</summary>
        public static Config For(Profile profile) =>
            profile == Profile.Smoke ? new Config { Seeds = [0, 1], Profile = profile } : new Config { Profile = profile };
    }

    /// <summary>The sweep over degrees, and the points of the first seed for the scatter plots.</summary>
    public sealed record Result
    {
        public required SweepResult Sweep { get; init; }

        /// <summary>Ground-truth targets of the test examples (first seed).</summary>
        public required double[][] Targets { get; init; }

        /// <summary>Class of each test example (first seed).</summary>
        public required bool[] Classes { get; init; }

        /// <summary>Test predictions of v (lowest degree) and v′ (highest degree), first seed.</summary>
        public required double[][] PredictionsV { get; init; }

        public required double[][] PredictionsVPrime { get; init; }

        /// <summary>Downstream logistic weights (bias, w₁, w₂) trained on v's and on v′'s outputs, first seed.</summary>
        public required double[] ClassifierW { get; init; }

        public required double[] ClassifierWPrime { get; init; }

        /// <summary>Per-example outcomes of v and w (with the decomposition probes) at every degree and seed.</summary>
        public required OutcomeSweep Outcomes { get; init; }
    }

    public static Result Run(Config config, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Degrees.Count == 0 || config.Seeds.Count == 0)
        {
            throw new ArgumentException("ToyHypothesisSpaceMismatch: at least one degree and one seed are needed.", nameof(config));
        }

        var upstream = config.Degrees.Select(_ => new double[config.Seeds.Count]).ToArray();
        var downstream = config.Degrees.Select(_ => new double[config.Seeds.Count]).ToArray();
        (double[][] T, bool[] C, double[][] V, double[][] VPrime, double[] W, double[] WPrime)? showcase = null;
        var runs = new List<SystemRun>();
        for (var s = 0; s < config.Seeds.Count; s++)
        {
            var rng = new Rng(config.Seeds[s]).Fork("toy-figure-2");
            var train = Sample(rng.Fork("train"), config.TrainSize, config.Amplitude);
            var test = Sample(rng.Fork("test"), config.TestSize, config.Amplitude);
            var perDegree = new List<(double[][] Predictions, double[] Classifier)>();
            for (var d = 0; d < config.Degrees.Count; d++)
            {
                var degree = config.Degrees[d];
                var coefficients = LinearAlgebra.LeastSquares(Features(train.X, degree), train.T);
                var predTrain = Predict(coefficients, Features(train.X, degree));
                var predTest = Predict(coefficients, Features(test.X, degree));
                upstream[d][s] = MeanSquaredError(predTest, test.T);
                var classifier = LinearAlgebra.LogisticRegression(predTrain, train.C);
                downstream[d][s] = ZeroOne(classifier, predTest, test.C);
                perDegree.Add((predTest, classifier));
                runs.Add(ToyOutcomes.HypothesisSpace(d, config.Seeds[s], predTrain, train.C, predTest, test.T, test.C, classifier));
            }

            progress?.Report($"Figure 2 toy: seed {config.Seeds[s]} done");
            showcase ??= (test.T, test.C, perDegree[0].Predictions, perDegree[^1].Predictions,
                perDegree[0].Classifier, perDegree[^1].Classifier);
        }

        var sweep = new SweepResult
        {
            Experiment = "Hypothesis-space mismatch, toy illustration (Figure 2)",
            Knob = "degree",
            KnobDescription = "polynomial degree of the upstream regressor's hypothesis space",
            KnobValues = config.Degrees.Select(d => (double)d).ToArray(),
            UpstreamModel = "least-squares polynomial regressor, x ∈ ℝ² → 2-D point",
            DownstreamModel = "linear logistic classifier on the predicted point",
            UpstreamLoss = "MSE",
            DownstreamLoss = "zero-one error",
            Profile = config.Profile,
            Seeds = config.Seeds,
            Upstream = upstream,
            Downstream = downstream,
            Settings = $"{config.TrainSize} train / {config.TestSize} test points, a = {config.Amplitude.ToString(System.Globalization.CultureInfo.InvariantCulture)}",
        };
        var first = showcase.GetValueOrDefault();
        return new Result
        {
            Sweep = sweep,
            Targets = first.T,
            Classes = first.C,
            PredictionsV = first.V,
            PredictionsVPrime = first.VPrime,
            ClassifierW = first.W,
            ClassifierWPrime = first.WPrime,
            Outcomes = new OutcomeSweep
            {
                Experiment = sweep.Experiment,
                Knob = sweep.Knob,
                KnobValues = sweep.KnobValues,
                Updated = "upstream",
                Runs = runs,
                Provenance = sweep.Provenance,
            },
        };
    }

    private static (double[][] X, double[][] T, bool[] C) Sample(Rng rng, int n, double amplitude)
    {
        var x = new double[n][];
        var t = new double[n][];
        var c = new bool[n];
        for (var i = 0; i < n; i++)
        {
            var x1 = (2 * rng.NextDouble()) - 1;
            var x2 = (2 * rng.NextDouble()) - 1;
            x[i] = [x1, x2];
            t[i] = [x2, x1 + (amplitude * Math.Sin(Math.PI * x2))];
            c[i] = x1 > 0;
        }

        return (x, t, c);
    }

    /// <summary>All monomials x₁ⁱx₂ʲ with i + j ≤ degree (including the constant).</summary>
    private static double[][] Features(double[][] x, int degree) => x.Select(p =>
    {
        var f = new List<double>();
        for (var d = 0; d <= degree; d++)
        {
            for (var i = 0; i <= d; i++)
            {
                f.Add(Math.Pow(p[0], i) * Math.Pow(p[1], d - i));
            }
        }

        return f.ToArray();
    }).ToArray();

    private static double[][] Predict(double[][] coefficients, double[][] features) =>
        features.Select(f => coefficients.Select(c => f.Zip(c, (a, b) => a * b).Sum()).ToArray()).ToArray();

    private static double MeanSquaredError(double[][] predictions, double[][] targets) =>
        predictions.Zip(targets, (p, t) => p.Zip(t, (a, b) => (a - b) * (a - b)).Sum()).Average();

    private static double ZeroOne(double[] classifier, double[][] inputs, bool[] labels) =>
        inputs.Where((p, i) => LinearAlgebra.Predict(classifier, p) != labels[i]).Count() / (double)labels.Length;
}
