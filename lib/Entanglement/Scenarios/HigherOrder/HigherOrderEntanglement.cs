using System.Globalization;
using Entanglement.Data;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.HigherOrder;

/// <summary>
/// Higher-order entanglement (the paper's conclusion: "three upstream models whose errors cancel each other out"),
/// extending §4.2's construction to three upstreams. Three binary upstreams u₁, u₂, u₃ answer 1 vs 7; the downstream w
/// answers the same question from their three hard answers only, retrained after every change: per answer cell the
/// majority label of the training images (a majority vote that may learn to overrule it), with the fixed majority
/// vote and a linear model on the one-hot answers beside it. A noisy u_i is trained with its own third of the hardest
/// training images' labels swapped 1↔7 (the thirds disjoint, dealt round-robin down the difficulty ranking, so the
/// three upstreams' label errors never coincide and cancel in the vote); improving u_i trains it on clean labels.
/// Every one of the 8 subsets of improved upstreams is scored on the same seeds.
/// </summary>
/// <remarks>
/// Difficulty is §4.2's: the area under each training image's eval-loss curve (after every epoch) in a clean
/// reference 1-vs-7 run. <see cref="Config.HardFraction"/> q flips the hardest ⌊q·N⌋ of the N training images in total,
/// ⌊q·N/3⌋ or so per upstream.
/// </remarks>
public static class HigherOrderEntanglement
{
    /// <summary>Settings; <see cref="For"/> gives the paper-scale, quick and smoke presets.</summary>
    public sealed record Config
    {
        public required Profile Profile { get; init; }

        public DatasetKind Dataset { get; init; } = DatasetKind.Digits;

        /// <summary>q: share of the training images (the hardest) whose labels are swapped, split over the three upstreams.</summary>
        public required double HardFraction { get; init; }

        public required UpstreamNetwork Upstream { get; init; }

        public required TrainingSettings ReferenceTraining { get; init; }

        public required TrainingSettings UpstreamTraining { get; init; }

        /// <summary>Training of the linear downstream on the one-hot answers.</summary>
        public required TrainingSettings DownstreamTraining { get; init; }

        public required IReadOnlyList<int> Seeds { get; init; }

        public int? MaxPerDigit { get; init; }

        public static Config For(Profile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            if (profile == Profile.Paper)
            {
                var upstream = TrainingSettings.PaperUpstream(200);
                return new Config
                {
                    Profile = profile,
                    Dataset = DatasetKind.Svhn,
                    HardFraction = 0.3,
                    Upstream = UpstreamNetwork.PaperResNet18,
                    ReferenceTraining = upstream,
                    UpstreamTraining = upstream,
                    DownstreamTraining = TrainingSettings.PaperDownstream,
                    Seeds = [.. Enumerable.Range(0, 40)],
                };
            }

            var quick = new Config
            {
                Profile = profile,
                HardFraction = 0.3,
                Upstream = UpstreamNetwork.SmallConvNetCode(width: 16, headHidden: []),
                ReferenceTraining = TrainingSettings.QuickUpstream(6),
                UpstreamTraining = TrainingSettings.QuickUpstream(6),
                DownstreamTraining = TrainingSettings.PaperDownstream with { Epochs = 30 },
                Seeds = [0, 1, 2, 3],
                MaxPerDigit = 400,
            };
            return profile == Profile.Smoke
                ? quick with
                {
                    Upstream = UpstreamNetwork.SmallConvNetCode(width: 4, headHidden: []),
                    ReferenceTraining = quick.ReferenceTraining with { Epochs = 1 },
                    UpstreamTraining = quick.UpstreamTraining with { Epochs = 1 },
                    DownstreamTraining = quick.DownstreamTraining with { Epochs = 4 },
                    Seeds = [0, 1],
                    MaxPerDigit = 60,
                }
                : quick;
        }

        public string Describe() => string.Create(CultureInfo.InvariantCulture,
            $"{Dataset.ToString().ToLowerInvariant()}, 1 vs 7 balanced{(MaxPerDigit is { } m ? $" (≤{m}/digit)" : string.Empty)}; " +
            $"hardest q = {HardFraction:0.##} of the training labels swapped, dealt round-robin over u₁, u₂, u₃; reference {ReferenceTraining}; " +
            $"upstreams {Upstream.Describe()}, {UpstreamTraining}; linear downstream {DownstreamTraining}");
    }

    /// <summary>Trains the reference, the three noisy and the three clean upstreams, and scores all 8 subsets.</summary>
    public static HigherOrderSeed RunOne(Config config, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!(config.HardFraction >= 0 && config.HardFraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(config), $"HigherOrderEntanglement: q = {config.HardFraction} must be in [0, 1].");
        }

        var rng = new Rng(seed).Fork("higher-order-entanglement");
        var data = ScenarioData.Load(config.Dataset);
        var train = ScenarioData.Classes(data.Train, [1, 7], balance: true, rng.Fork("balance"), config.MaxPerDigit);
        var test = ScenarioData.Classes(data.Test, [1, 7], balance: true, rng.Fork("balance-test"), null);
        var grouping = ClassGrouping.OneVsSeven;
        int[] trainLabels = [.. grouping.Apply(train).Labels];
        int[] testLabels = [.. grouping.Apply(test).Labels];

        var hardness = Difficulty(config, data, grouping.Apply(train), rng.Fork("reference"), progress);
        var owner = DealHardest(hardness, config.HardFraction);
        var noisy = new (int[] Train, int[] Test)[UpstreamSubset.Upstreams];
        var clean = new (int[] Train, int[] Test)[UpstreamSubset.Upstreams];
        for (var i = 0; i < UpstreamSubset.Upstreams; i++)
        {
            var flipped = train.WithLabels([.. train.Labels.Select((d, k) => owner[k] == i ? 8 - d : d)]);
            noisy[i] = TrainAnswers(config, data, grouping.Apply(flipped), train, test, rng.Fork($"noisy-{i}"), progress);
            clean[i] = TrainAnswers(config, data, grouping.Apply(train), train, test, rng.Fork($"clean-{i}"), progress);
        }

        var subsets = UpstreamSubset.All;
        var retrained = new double[subsets.Count];
        var vote = new double[subsets.Count];
        var linear = new double[subsets.Count];
        var downstream = new int[subsets.Count][];
        for (var s = 0; s < subsets.Count; s++)
        {
            var pick = Enumerable.Range(0, UpstreamSubset.Upstreams).Select(i => subsets[s].Contains(i) ? clean[i] : noisy[i]).ToArray();
            int[][] trainAnswers = [.. pick.Select(p => p.Train)];
            int[][] testAnswers = [.. pick.Select(p => p.Test)];
            downstream[s] = CellVote.Fit(trainAnswers, trainLabels, testAnswers);
            retrained[s] = CellVote.Error(downstream[s], testLabels);
            vote[s] = CellVote.Error(CellVote.Majority(testAnswers), testLabels);
            linear[s] = LinearError(config, trainAnswers, trainLabels, testAnswers, testLabels, rng.Fork($"w-{subsets[s].Mask}"));
        }

        return new HigherOrderSeed
        {
            NoisyError = [.. noisy.Select(n => CellVote.Error(n.Test, testLabels))],
            CleanError = [.. clean.Select(c => CellVote.Error(c.Test, testLabels))],
            Retrained = retrained,
            Vote = vote,
            Linear = linear,
            Outcomes = ErrorCombination.Record([.. noisy.Select(n => n.Test)], [.. clean.Select(c => c.Test)], downstream, testLabels, [.. test.Labels]),
        };
    }

    /// <summary>Runs every seed (without the store; the notebooks go through <c>HigherOrderExperiment</c>).</summary>
    public static HigherOrderResult Run(Config config, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new HigherOrderResult { Config = config, Seeds = [.. config.Seeds.Select(s => RunOne(config, s, progress))] };
    }

    /// <summary>
    /// Which upstream gets each image's label swapped: the hardest ⌊q·N⌋ (hardness descending, ties by index) dealt
    /// round-robin to upstreams 0, 1, 2; −1 for an image nobody flips.
    /// </summary>
    public static int[] DealHardest(IReadOnlyList<double> hardness, double q)
    {
        ArgumentNullException.ThrowIfNull(hardness);
        var owner = Enumerable.Repeat(-1, hardness.Count).ToArray();
        var ranked = Enumerable.Range(0, hardness.Count).OrderByDescending(i => hardness[i]).ThenBy(i => i)
            .Take((int)Math.Floor(q * hardness.Count)).ToArray();
        for (var r = 0; r < ranked.Length; r++)
        {
            owner[ranked[r]] = r % UpstreamSubset.Upstreams;
        }

        return owner;
    }

    private static double[] Difficulty(Config config, DatasetSplit data, ImageDataset train, Rng rng, IProgress<string>? progress)
    {
        using var reference = TrainingEngines.Current.CreateImageModel(config.Upstream, data.Train.Channels, outputs: 2, rng.Fork("init"));
        var area = new LossCurveArea(train.Count);
        reference.Fit(train, data.Normalization, ImageLoss.CrossEntropy, config.ReferenceTraining, rng.Fork("train"),
            onEpochEnd: _ => area.Add([.. Enumerable.Range(0, train.Count)], CrossEntropy(reference.Outputs(train, data.Normalization))),
            progress: progress);
        return [.. area.Area];
    }

    /// <summary>Per-row −log softmax(logits)[label], in double precision.</summary>
    private static float[] CrossEntropy(FeatureSet logits)
    {
        var losses = new float[logits.Count];
        for (var i = 0; i < logits.Count; i++)
        {
            var row = logits.Features.AsSpan(i * logits.Width, logits.Width);
            double max = row[0];
            foreach (var v in row)
            {
                max = Math.Max(max, v);
            }

            var sum = 0.0;
            foreach (var v in row)
            {
                sum += Math.Exp(v - max);
            }

            losses[i] = (float)(max + Math.Log(sum) - row[logits.Labels[i]]);
        }

        return losses;
    }

    private static (int[] Train, int[] Test) TrainAnswers(
        Config config, DatasetSplit data, ImageDataset labelled, ImageDataset train, ImageDataset test, Rng rng, IProgress<string>? progress)
    {
        using var model = TrainingEngines.Current.CreateImageModel(config.Upstream, data.Train.Channels, outputs: 2, rng.Fork("init"));
        model.Fit(labelled, data.Normalization, ImageLoss.CrossEntropy, config.UpstreamTraining, rng.Fork("train"), progress: progress);
        int[] Answers(ImageDataset images)
        {
            var logits = model.Outputs(images, data.Normalization);
            return [.. Enumerable.Range(0, logits.Count).Select(i => logits.Features[(i * 2) + 1] > logits.Features[i * 2] ? 1 : 0)];
        }

        return (Answers(train), Answers(test));
    }

    private static double LinearError(Config config, int[][] trainAnswers, int[] trainLabels, int[][] testAnswers, int[] testLabels, Rng rng)
    {
        using var linear = TrainingEngines.Current.CreateFeatureModel(DownstreamNetwork.Linear(2 * UpstreamSubset.Upstreams, 2), rng.Fork("init"));
        linear.Fit(OneHot(trainAnswers, trainLabels), config.DownstreamTraining, rng.Fork("train"));
        return linear.ZeroOneError(OneHot(testAnswers, testLabels));
    }

    private static FeatureSet OneHot(int[][] answers, int[] labels)
    {
        var width = 2 * answers.Length;
        var f = new float[labels.Length * width];
        for (var i = 0; i < labels.Length; i++)
        {
            for (var j = 0; j < answers.Length; j++)
            {
                f[(i * width) + (2 * j) + answers[j][i]] = 1f;
            }
        }

        return new FeatureSet(f, width, labels);
    }
}
