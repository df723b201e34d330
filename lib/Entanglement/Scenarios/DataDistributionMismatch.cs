using System.Globalization;
using Entanglement.Data;
using Entanglement.Diagnostics;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Scenarios;

/// <summary>
/// Data-distribution mismatch (paper §4.1.2, Figure 4(b)): an upstream network learns {0, 1, 4, 7, 9} vs
/// {2, 3, 5, 6, 8} from p% of the training set. More data makes its features better for its own task (lower 1-NN
/// error), and better at collapsing 1 and 7, which sit on the same side, so a linear downstream 1-vs-7 classifier on
/// those features gets worse.
/// </summary>
public static class DataDistributionMismatch
{
    /// <summary>Settings; <see cref="For"/> gives the paper's and the quick presets.</summary>
    public sealed record Config
    {
        public required Profile Profile { get; init; }

        public DatasetKind Dataset { get; init; } = DatasetKind.Digits;

        /// <summary>The knob p: percentage of the training set the upstream sees (nested: a larger p contains a smaller).</summary>
        public required IReadOnlyList<int> P { get; init; }

        /// <summary>
        /// Digits kept whole at every p (empty: p subsamples all ten, as in the paper). With {1, 7}, p adds only digits
        /// the downstream never sees, so the upstream's gains come from those while the same 1s and 7s are pushed to
        /// one side for longer.
        /// </summary>
        public IReadOnlyList<int> FixedClasses { get; init; } = [];

        public required UpstreamNetwork Upstream { get; init; }

        public required TrainingSettings UpstreamTraining { get; init; }

        public required TrainingSettings DownstreamTraining { get; init; }

        public required IReadOnlyList<int> Seeds { get; init; }

        public int? MaxTrainImages { get; init; }

        public static Config For(Profile profile)
        {
            ArgumentNullException.ThrowIfNull(profile);
            var downstream = TrainingSettings.PaperDownstream;
            if (profile == Profile.Paper)
            {
                return new Config
                {
                    Profile = profile,
                    Dataset = DatasetKind.Svhn,
                    P = [10, 20, 30, 40, 50, 60, 70, 80, 90, 100],
                    Upstream = UpstreamNetwork.PaperResNet18,
                    UpstreamTraining = TrainingSettings.PaperUpstream(200),
                    DownstreamTraining = downstream,
                    Seeds = [.. Enumerable.Range(0, 40)],
                };
            }

            // Quick: the setting a search on seeds 0–4 chose (DataDistributionSearchSpace, record in
            // notebooks/search/data-distribution-mismatch.json), confirmed on seeds 5–9, which the search never saw.
            var quick = DataDistributionSearchSpace.Find(DataDistributionSearchSpace.Chosen).Config with
            {
                Profile = profile,
                Seeds = [5, 6, 7, 8, 9],
            };
            return profile == Profile.Smoke
                ? quick with
                {
                    P = [30, 100],
                    Upstream = UpstreamNetwork.SmallConvNetCode(width: 4, headHidden: [8]) with { FeatureTap = FeatureTap.LastHidden },
                    UpstreamTraining = quick.UpstreamTraining with { Epochs = 1 },
                    FixedClasses = [],
                    DownstreamTraining = downstream with { Epochs = 4 },
                    Seeds = [0, 1],
                    MaxTrainImages = 600,
                }
                : quick;
        }

        public string Describe()
        {
            var data = Dataset.ToString().ToLowerInvariant() + (MaxTrainImages is { } m ? string.Create(CultureInfo.InvariantCulture, $" (≤{m} train images)") : string.Empty);
            var fixedClasses = FixedClasses.Count == 0
                ? string.Empty
                : $"p subsamples all digits but {string.Join(", ", FixedClasses)} (kept whole at every p); ";
            return string.Create(CultureInfo.InvariantCulture,
                $"{data}; {fixedClasses}upstream {Upstream.Describe()}, {UpstreamTraining}; downstream linear 1 vs 7, {DownstreamTraining}; " +
                $"1-NN: cosine, seeded 50/50 split of the test set");
        }
    }

    public static RunLosses RunOne(Config config, int pointIndex, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var p = config.P[pointIndex];
        var rng = new Rng(seed).Fork("data-distribution-mismatch");
        var data = ScenarioData.Load(config.Dataset);
        var fullTrain = config.MaxTrainImages is { } max ? ScenarioData.Take(data.Train, max, rng.Fork("cap")) : data.Train;
        var upstreamTrain = UpstreamSubset(fullTrain, p, config.FixedClasses, rng.Fork("subsample"));
        var grouping = ClassGrouping.FiveVsFive;

        var engine = TrainingEngines.Current;
        using var model = engine.CreateImageModel(config.Upstream, data.Train.Channels, outputs: 2, rng.Fork("init"));
        model.Fit(grouping.Apply(upstreamTrain), data.Normalization, ImageLoss.CrossEntropy, config.UpstreamTraining,
            rng.Fork("train-upstream"), progress: progress);

        // ℓ_v: 1-NN error of the features on the upstream's own task, over the whole (fixed) test set.
        var testFeatures = model.Features(grouping.Apply(data.Test), data.Normalization);
        var upstreamLoss = ScenarioData.NearestNeighbourError(testFeatures);

        // w: linear 1 vs 7 on the frozen features of every training 1 and 7.
        var train17 = ClassGrouping.OneVsSeven.Apply(ClassGrouping.Select(fullTrain, 1, 7));
        var test17 = ClassGrouping.OneVsSeven.Apply(ClassGrouping.Select(data.Test, 1, 7));
        var f17 = model.Features(train17, data.Normalization);
        using var linear = engine.CreateFeatureModel(DownstreamNetwork.Linear(f17.Width, 2), rng.Fork("init-downstream"));
        linear.Fit(f17, config.DownstreamTraining, rng.Fork("train-downstream"));
        var features17 = model.Features(test17, data.Normalization);
        var downstreamLoss = linear.ZeroOneError(features17);

        // Per-example outcomes: the upstream's 1-NN over all ten digits, the downstream's on the 1s and 7s.
        var digits17 = ClassGrouping.Select(data.Test, 1, 7);
        VertexOutcomes[] outcomes =
        [
            OutcomeRecorder.NearestNeighbour("upstream", testFeatures, data.Test.Ids, data.Test.Labels),
            OutcomeRecorder.Classifier("downstream", linear, features17, digits17.Ids, digits17.Labels),
            .. OutcomeRecorder.Probes(f17, features17, r => engine.CreateFeatureModel(DownstreamNetwork.Linear(f17.Width, 2), r),
                config.DownstreamTraining, rng.Fork("probes"), digits17.Ids, digits17.Labels),
        ];
        return new RunLosses(upstreamLoss, downstreamLoss) { Outcomes = outcomes };
    }

    /// <summary>The upstream's p% (nested in p), with every image of <paramref name="fixedClasses"/> kept.</summary>
    public static ImageDataset UpstreamSubset(ImageDataset train, int p, IReadOnlyList<int> fixedClasses, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(fixedClasses);
        if (fixedClasses.Count == 0)
        {
            return DatasetSampling.Subsample(train, p / 100.0, rng);
        }

        var rest = ClassGrouping.Select(train, [.. train.Classes().Except(fixedClasses)]);
        return ClassGrouping.Select(train, [.. fixedClasses]).Concat(DatasetSampling.Subsample(rest, p / 100.0, rng));
    }

    public static SweepResult Run(Config config, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Sweep.Collect(Describe(config), (p, s) => RunOne(config, p, s, progress), progress);
    }

    public static SweepShape Describe(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new SweepShape
        {
            Experiment = "Data-distribution mismatch (§4.1.2)",
            Knob = "p",
            KnobDescription = "percentage of the training set seen by the upstream model",
            KnobValues = [.. config.P.Select(p => (double)p)],
            UpstreamModel = $"{config.Upstream.Describe()}, {{0,1,4,7,9}} vs {{2,3,5,6,8}}",
            DownstreamModel = "linear logistic regression, 1 vs 7, on the upstream features",
            UpstreamLoss = "1-NN error (cosine)",
            DownstreamLoss = "zero-one error",
            Profile = config.Profile,
            Seeds = config.Seeds,
            Settings = config.Describe(),
        };
    }
}
