using System.Globalization;
using Entanglement.Data;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios;

/// <summary>
/// Anti-correlated errors (paper §4.2, Figure 4(d)): upstream u answers {1, 6} vs 7 and v answers 1 vs {6, 7}, each
/// trained with its own level p of label noise that swaps 1↔7 on the hardest training examples. With noise in both,
/// their errors fall on the same hard examples in complementary directions and the downstream {1, 7} vs 6 rule
/// cancels them; improving one upstream alone removes that cancellation and the downstream gets worse.
/// </summary>
/// <remarks>
/// Difficulty is the area under each training example's loss curve in a reference 3-class run (Arazo et al., 2019).
/// Noise level p flips the hardest ⌊p/2 · N₁₇⌋ of the N₁₇ training 1s and 7s. The downstream w sees only the two hard
/// predictions; it is the Bayes-optimal rule for the four (u, v) cells estimated on the training images (the
/// retrained w); the paper's fixed rule and a linear model on the one-hot predictions (the public code) are reported too.
/// </remarks>
public static class AntiCorrelatedErrors
{
    /// <summary>Settings; <see cref="For"/> gives the paper's and the quick presets.</summary>
    public sealed record Config
    {
        public required Profile Profile { get; init; }

        public DatasetKind Dataset { get; init; } = DatasetKind.Digits;

        /// <summary>The knob p, the same grid for u and for v.</summary>
        public required IReadOnlyList<double> P { get; init; }

        public required UpstreamNetwork Upstream { get; init; }

        public required TrainingSettings ReferenceTraining { get; init; }

        /// <summary>
        /// Which loss curve of the reference run ranks the images (<see cref="DifficultyCurve"/>). Eval losses after each
        /// epoch by default: that reading reproduces the PyTorch reference's hardest set ("mostly 1s"; 61–70 % of the
        /// flipped images at p = 1 over seeds 0–3), the training-batch losses do not (53–56 %), and the downstream
        /// cells then sit within the reference's seed spread (the PyTorch reference on these digits, three seeds: improving u
        /// alone at p = 1 took the downstream error from 0.096 ± 0.016 to 0.178 ± 0.011; this engine, four seeds, 0.102 to
        /// 0.183, Welch p = 0.004).
        /// </summary>
        public DifficultyCurve Difficulty { get; init; } = DifficultyCurve.EpochEndEval;

        public required TrainingSettings UpstreamTraining { get; init; }

        public required TrainingSettings DownstreamTraining { get; init; }

        public required IReadOnlyList<int> Seeds { get; init; }

        public int? MaxPerDigit { get; init; }

        public static Config For(Profile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            var downstream = TrainingSettings.PaperDownstream;
            if (profile == Profile.Paper)
            {
                var upstream = TrainingSettings.PaperUpstream(200);
                return new Config
                {
                    Profile = profile,
                    Dataset = DatasetKind.Svhn,
                    P = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
                    Upstream = UpstreamNetwork.PaperResNet18,
                    ReferenceTraining = upstream,
                    UpstreamTraining = upstream,
                    DownstreamTraining = downstream,
                    Seeds = [.. Enumerable.Range(0, 40)],
                };
            }

            var quick = new Config
            {
                Profile = profile,
                P = [0, 1.0],
                Upstream = UpstreamNetwork.SmallConvNetCode(width: 32, headHidden: []),
                ReferenceTraining = TrainingSettings.QuickUpstream(15),
                UpstreamTraining = TrainingSettings.QuickUpstream(10),
                DownstreamTraining = downstream,
                // Four seeds (the reference had three): a seed is one stored run, so with two runs at a time a
                // fourth seed costs no extra wall time over three.
                Seeds = [0, 1, 2, 3],
            };
            return profile == Profile.Smoke
                ? quick with
                {
                    P = [0, 1.0],
                    Upstream = UpstreamNetwork.SmallConvNetCode(width: 4, headHidden: []),
                    ReferenceTraining = quick.ReferenceTraining with { Epochs = 2 },
                    UpstreamTraining = quick.UpstreamTraining with { Epochs = 1 },
                    DownstreamTraining = downstream with { Epochs = 4 },
                    Seeds = [0, 1],
                    MaxPerDigit = 80,
                }
                : quick;
        }

        private string DescribeDifficulty() => Difficulty == DifficultyCurve.TrainingBatches
            ? "losses in the training batches"
            : "eval losses after each epoch";

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Dataset.ToString().ToLowerInvariant()}, classes {{1,6,7}} balanced{(MaxPerDigit is { } m ? $" (≤{m}/digit)" : string.Empty)}; difficulty from a reference " +
            $"3-class run ({ReferenceTraining}, {DescribeDifficulty()}); upstreams {Upstream.Describe()}, {UpstreamTraining}; p ∈ {{{string.Join(", ", P)}}}");
    }

    /// <summary>
    /// One seed's grid: u's and v's test errors per noise level, w's per (p_u, p_v) cell, and per noise level the
    /// share of the flipped training images that are 1s (NaN when nothing is flipped), which decides whether noise in
    /// u or in v is the harmful one.
    /// </summary>
    public sealed record SeedGrid(double[] UError, double[] VError, double[,] WBayes, double[,] WRule, double[,] WLinear, double[] FlippedOnes)
    {
        /// <summary>
        /// Per-example test outcomes: <c>u[k]</c>, <c>v[k]</c> per noise level, the retrained <c>w[a,b]</c> on the cells
        /// of the two one-upstream sweeps (a or b the last level), and the decomposition probes of w at their ends.
        /// </summary>
        public IReadOnlyList<Diagnostics.VertexOutcomes> Outcomes { get; init; } = [];
    }

    public static SeedGrid RunOne(Config config, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rng = new Rng(seed).Fork("anti-correlated-errors");
        var data = ScenarioData.Load(config.Dataset);
        var train = ScenarioData.Classes(data.Train, [1, 6, 7], balance: true, rng.Fork("balance"), config.MaxPerDigit);
        var test = ScenarioData.Classes(data.Test, [1, 6, 7], balance: true, rng.Fork("balance-test"), null);

        // Difficulty: area under each example's training-loss curve in a clean 3-class reference run.
        using var reference = TrainingEngines.Current.CreateImageModel(config.Upstream, data.Train.Channels, outputs: 3, rng.Fork("init-reference"));
        var referenceTrain = ClassGrouping.Each(1, 6, 7).Apply(train);
        var difficulty = new LossCurveArea(train.Count);
        var atEpochEnd = config.Difficulty == DifficultyCurve.EpochEndEval;
        reference.Fit(referenceTrain, data.Normalization, ImageLoss.CrossEntropy, config.ReferenceTraining, rng.Fork("train-reference"),
            atEpochEnd ? null : difficulty,
            atEpochEnd ? _ => AddEvalLosses(reference, referenceTrain, data.Normalization, difficulty) : null,
            progress);

        var n = config.P.Count;
        var uOut = new (int[] Train, int[] Test)[n];
        var vOut = new (int[] Train, int[] Test)[n];
        var uError = new double[n];
        var vError = new double[n];
        var flippedOnes = new double[n];
        for (var k = 0; k < n; k++)
        {
            var noisy = LabelNoise.FlipHardest(train, difficulty.Area, config.P[k]);
            var flipped = Enumerable.Range(0, train.Count).Where(i => noisy.LabelArray[i] != train.LabelArray[i]).ToArray();
            flippedOnes[k] = flipped.Length == 0 ? double.NaN : flipped.Count(i => train.LabelArray[i] == 1) / (double)flipped.Length;
            (uOut[k], uError[k]) = TrainBinary(config, data, noisy, train, test, ClassGrouping.OneSixVsSeven, saysYes: 1, rng.Fork($"u-{k}"), progress);
            (vOut[k], vError[k]) = TrainBinary(config, data, noisy, train, test, ClassGrouping.OneVsSixSeven, saysYes: 0, rng.Fork($"v-{k}"), progress);
        }

        var isPositiveTrain = train.Labels.Select(l => l != 6).ToArray();
        var isPositiveTest = test.Labels.Select(l => l != 6).ToArray();
        var wBayes = new double[n, n];
        var wRule = new double[n, n];
        var wLinear = new double[n, n];
        for (var a = 0; a < n; a++)
        {
            for (var b = 0; b < n; b++)
            {
                wBayes[a, b] = DownstreamRules.BayesCellError(uOut[a].Train, vOut[b].Train, isPositiveTrain, uOut[a].Test, vOut[b].Test, isPositiveTest);
                wRule[a, b] = DownstreamRules.PaperRuleError(uOut[a].Test, vOut[b].Test, isPositiveTest);
                wLinear[a, b] = DownstreamRules.LinearOneHotError(uOut[a], vOut[b], isPositiveTrain, isPositiveTest,
                    config.DownstreamTraining, rng.Fork($"w-{a}-{b}"));
            }
        }

        return new SeedGrid(uError, vError, wBayes, wRule, wLinear, flippedOnes)
        {
            Outcomes = AntiCorrelatedOutcomes.Of(uOut, vOut, train.Labels, test.Labels, test.Ids),
        };
    }

    /// <summary>Runs every seed.</summary>
    public static AntiCorrelatedResult Run(Config config, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var grids = config.Seeds.Select(s =>
        {
            var g = RunOne(config, s, progress);
            progress?.Report($"anti-correlated errors: seed {s} done");
            return g;
        }).ToArray();
        return AntiCorrelatedResult.From(config, grids);
    }

    /// <summary>Adds every image's eval-mode cross-entropy on its un-augmented pixels to <paramref name="difficulty"/>.</summary>
    private static void AddEvalLosses(IImageModel model, ImageDataset images, Normalization normalization, LossCurveArea difficulty)
    {
        var logits = model.Outputs(images, normalization);
        var losses = PerExampleLoss.CrossEntropy(logits.ToTensor(), logits.Labels);
        difficulty.Add([.. Enumerable.Range(0, images.Count)], losses.Data);
    }

    /// <summary>
    /// Trains one binary upstream on the noisy labels under <paramref name="grouping"/>; returns its answers (1 when it
    /// predicts group <paramref name="saysYes"/>) on the clean training and test images, and its test error.
    /// </summary>
    private static ((int[] Train, int[] Test) Outputs, double Error) TrainBinary(
        Config config, DatasetSplit data, ImageDataset noisyTrain, ImageDataset cleanTrain, ImageDataset test, ClassGrouping grouping,
        int saysYes, Rng rng, IProgress<string>? progress)
    {
        using var model = TrainingEngines.Current.CreateImageModel(config.Upstream, data.Train.Channels, outputs: 2, rng.Fork("init"));
        model.Fit(grouping.Apply(noisyTrain), data.Normalization, ImageLoss.CrossEntropy, config.UpstreamTraining, rng.Fork("train"),
            progress: progress);
        int[] Answers(ImageDataset images) =>
            [.. model.Outputs(images, data.Normalization).ToTensor().Argmax(1).Select(g => g == saysYes ? 1 : 0)];
        var testAnswers = Answers(test);
        var truth = grouping.Apply(test).Labels;
        var error = testAnswers.Where((a, i) => a != (truth[i] == saysYes ? 1 : 0)).Count() / (double)test.Count;
        return ((Answers(cleanTrain), testAnswers), error);
    }
}
