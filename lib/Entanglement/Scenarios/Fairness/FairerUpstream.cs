using System.Globalization;
using Entanglement.Data;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.Fairness;

/// <summary>
/// Can making an upstream model fairer make its downstream less fair? (the paper's conclusion). The embedded digits
/// {1, 3, 7, 9} in two groups: a majority in the original style and a minority (<see cref="Config.MinorityShare"/>
/// of the training images) rendered in another style (<see cref="DigitStyle"/>). The upstream v classifies the four
/// digits, made fairer by group reweighting with strength λ (<see cref="GroupReweighting"/>); the downstream w answers
/// {1, 7} vs {3, 9} from v's softmax outputs and is retrained on the unweighted training set after every change of v.
/// Fairness is the equalised-odds gap between the groups (<see cref="FairnessGap.EqualisedOdds"/>), measured on the
/// test images rendered in both styles (so the test groups are equal in size and labels); Definition 2.1 is applied to
/// it: an improvement of v's gap that widens w's is self-defeating.
/// </summary>
public static class FairerUpstream
{
    /// <summary>The upstream's four digits.</summary>
    public static IReadOnlyList<int> Digits { get; } = [1, 3, 7, 9];

    /// <summary>The downstream's grouping of the upstream's classes: {1, 7} (0) vs {3, 9} (1).</summary>
    public static ClassGrouping DownstreamTask { get; } = new("{1,7} vs {3,9}", [1, 7], [3, 9]);

    /// <summary>Settings; <see cref="For"/> gives the paper-scale, quick and smoke presets.</summary>
    public sealed record Config
    {
        public required Profile Profile { get; init; }

        public DatasetKind Dataset { get; init; } = DatasetKind.Digits;

        /// <summary>The fairness knob λ: group weights ∝ n_g^(−λ) (0 = no reweighting, 1 = equal group totals).</summary>
        public required IReadOnlyList<double> Lambda { get; init; }

        /// <summary>Share of the training images rendered in the minority style (group 1).</summary>
        public double MinorityShare { get; init; } = 0.1;

        public DigitStyle MinorityStyle { get; init; } = DigitStyle.Inverted;

        public required UpstreamNetwork Upstream { get; init; }

        public required TrainingSettings UpstreamTraining { get; init; }

        /// <summary>The downstream on v's four softmax outputs.</summary>
        public required DownstreamNetwork Downstream { get; init; }

        public required TrainingSettings DownstreamTraining { get; init; }

        public required IReadOnlyList<int> Seeds { get; init; }

        public int? MaxPerDigit { get; init; }

        public static Config For(Profile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            var downstream = DownstreamNetwork.Mlp(4, [16], 2);
            if (profile == Profile.Paper)
            {
                return new Config
                {
                    Profile = profile,
                    Dataset = DatasetKind.Svhn,
                    Lambda = [0, 0.25, 0.5, 0.75, 1],
                    Upstream = UpstreamNetwork.PaperResNet18,
                    UpstreamTraining = TrainingSettings.PaperUpstream(200),
                    Downstream = downstream,
                    DownstreamTraining = TrainingSettings.PaperDownstream,
                    Seeds = [.. Enumerable.Range(0, 40)],
                };
            }

            var quick = new Config
            {
                Profile = profile,
                Lambda = [0, 0.5, 1],
                Upstream = UpstreamNetwork.SmallConvNetCode(width: 16, headHidden: []),
                UpstreamTraining = TrainingSettings.QuickUpstream(5),
                Downstream = downstream,
                DownstreamTraining = TrainingSettings.PaperDownstream with { Epochs = 30 },
                Seeds = [0, 1, 2, 3],
                MaxPerDigit = 500,
            };
            return profile == Profile.Smoke
                ? quick with
                {
                    Lambda = [0, 1],
                    Upstream = UpstreamNetwork.SmallConvNetCode(width: 4, headHidden: []),
                    UpstreamTraining = quick.UpstreamTraining with { Epochs = 1 },
                    DownstreamTraining = quick.DownstreamTraining with { Epochs = 4 },
                    Seeds = [0, 1],
                    MaxPerDigit = 60,
                }
                : quick;
        }

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Dataset.ToString().ToLowerInvariant()}, digits {{1,3,7,9}} balanced{(MaxPerDigit is { } m ? $" (≤{m}/digit)" : string.Empty)}; " +
            $"minority group: {MinorityShare:P0} of the training images, {MinorityStyle.ToString().ToLowerInvariant()}; test images in both styles (groups 50/50); " +
            $"upstream {Upstream.Describe()}, {UpstreamTraining}, group reweighting λ ∈ {{{string.Join(", ", Lambda)}}}; " +
            $"downstream {Downstream} on v's softmax, {DownstreamTraining}, unweighted");
    }

    /// <summary>One (λ, seed) run: the upstream trained with reweighting λ, the downstream retrained on its outputs.</summary>
    public static FairnessRun RunOne(Config config, int lambdaIndex, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegative(lambdaIndex);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(lambdaIndex, config.Lambda.Count);
        var rng = new Rng(seed).Fork("fairer-upstream");
        var data = ScenarioData.Load(config.Dataset);
        var (train, trainGroups) = Restyle(config, ScenarioData.Classes(data.Train, [.. Digits], balance: true, rng.Fork("balance"), config.MaxPerDigit), rng.Fork("groups"));
        var testImages = ScenarioData.Classes(data.Test, [.. Digits], balance: true, rng.Fork("balance-test"), null);
        var test = testImages.Concat(DigitStyles.Render(testImages, config.MinorityStyle));
        int[] testGroups = [.. Enumerable.Repeat(0, testImages.Count), .. Enumerable.Repeat(1, testImages.Count)];

        var upstreamTask = ClassGrouping.Each([.. Digits]);
        var lambda = config.Lambda[lambdaIndex];
        var weighted = train.Subset(GroupReweighting.Resample(trainGroups, lambda, rng.Fork($"reweight-{lambdaIndex}")));
        var upRng = rng.Fork($"upstream-{lambdaIndex}");
        using var upstream = TrainingEngines.Current.CreateImageModel(config.Upstream, data.Train.Channels, outputs: Digits.Count, upRng.Fork("init"));
        upstream.Fit(upstreamTask.Apply(weighted), data.Normalization, ImageLoss.CrossEntropy, config.UpstreamTraining, upRng.Fork("train"), progress: progress);
        var trainOut = Softmax(upstream.Outputs(train, data.Normalization));
        var testOut = Softmax(upstream.Outputs(test, data.Normalization));
        int[] upLabels = [.. upstreamTask.Apply(test).Labels];
        var upPredicted = Argmax(testOut);

        int[] wTrainLabels = [.. DownstreamTask.Apply(train).Labels];
        int[] wTestLabels = [.. DownstreamTask.Apply(test).Labels];
        using var downstream = TrainingEngines.Current.CreateFeatureModel(config.Downstream, rng.Fork($"downstream-{lambdaIndex}").Fork("init"));
        downstream.Fit(new FeatureSet(trainOut.Features, trainOut.Width, wTrainLabels), config.DownstreamTraining, rng.Fork($"downstream-{lambdaIndex}").Fork("train"));
        var wPredicted = downstream.Predict(new FeatureSet(testOut.Features, testOut.Width, wTestLabels));

        return new FairnessRun
        {
            UpstreamEqualisedOdds = FairnessGap.EqualisedOdds(upPredicted, upLabels, testGroups, Digits.Count),
            UpstreamDemographicParity = FairnessGap.DemographicParity(upPredicted, testGroups, Digits.Count),
            UpstreamError = Error(upPredicted, upLabels),
            UpstreamErrorMajority = FairnessGap.GroupError(upPredicted, upLabels, testGroups, 0),
            UpstreamErrorMinority = FairnessGap.GroupError(upPredicted, upLabels, testGroups, 1),
            DownstreamEqualisedOdds = FairnessGap.EqualisedOdds(wPredicted, wTestLabels, testGroups, 2),
            DownstreamDemographicParity = FairnessGap.DemographicParity(wPredicted, testGroups, 2),
            DownstreamError = Error(wPredicted, wTestLabels),
            DownstreamErrorMajority = FairnessGap.GroupError(wPredicted, wTestLabels, testGroups, 0),
            DownstreamErrorMinority = FairnessGap.GroupError(wPredicted, wTestLabels, testGroups, 1),
        };
    }

    /// <summary>Runs every (λ, seed) without the store (the notebooks go through <c>FairnessExperiment</c>).</summary>
    public static FairnessResult Run(Config config, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new FairnessResult
        {
            Config = config,
            Runs = [.. config.Lambda.Select((_, k) => config.Seeds.Select(s => RunOne(config, k, s, progress)).ToArray())],
        };
    }

    /// <summary>
    /// Renders a stratified <see cref="Config.MinorityShare"/> of each digit's training images in the minority style;
    /// returns the images (same order) and their group ids.
    /// </summary>
    public static (ImageDataset Images, int[] Groups) Restyle(Config config, ImageDataset train, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(rng);
        var groups = new int[train.Count];
        foreach (var digit in train.Classes())
        {
            var members = train.IndicesOf(digit);
            var order = rng.Fork(digit).Permutation(members.Length);
            var minority = (int)Math.Round(config.MinorityShare * members.Length, MidpointRounding.AwayFromZero);
            foreach (var k in order.Take(minority))
            {
                groups[members[k]] = 1;
            }
        }

        var styled = DigitStyles.Render(train, config.MinorityStyle);
        var pick = Enumerable.Range(0, train.Count).Select(i => groups[i] == 1 ? train.Count + i : i).ToArray();
        return (train.Concat(styled).Subset(pick), groups);
    }

    private static FeatureSet Softmax(FeatureSet logits)
    {
        var f = new float[logits.Features.Length];
        for (var i = 0; i < logits.Count; i++)
        {
            var row = logits.Features.AsSpan(i * logits.Width, logits.Width);
            var max = double.NegativeInfinity;
            foreach (var v in row)
            {
                max = Math.Max(max, v);
            }

            var sum = 0.0;
            foreach (var v in row)
            {
                sum += Math.Exp(v - max);
            }

            for (var k = 0; k < logits.Width; k++)
            {
                f[(i * logits.Width) + k] = (float)(Math.Exp(row[k] - max) / sum);
            }
        }

        return new FeatureSet(f, logits.Width, logits.Labels);
    }

    private static double Error(int[] predictions, int[] labels) =>
        predictions.Where((p, i) => p != labels[i]).Count() / (double)labels.Length;

    private static int[] Argmax(FeatureSet scores) =>
        [.. Enumerable.Range(0, scores.Count).Select(i =>
        {
            var row = scores.Features.AsSpan(i * scores.Width, scores.Width);
            var best = 0;
            for (var k = 1; k < row.Length; k++)
            {
                best = row[k] > row[best] ? k : best;
            }

            return best;
        })];
}
