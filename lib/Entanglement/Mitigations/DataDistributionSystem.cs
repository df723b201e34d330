using Entanglement.Data;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Tensors;

namespace Entanglement.Mitigations;

/// <summary>
/// Data-distribution mismatch (§4.1.2) as a <see cref="HandOffSystem"/>: the five-vs-five upstream trained on the
/// first and the last p% of the training set (the experiment's random streams), handing its features to the linear
/// 1-vs-7 downstream.
/// </summary>
public static class DataDistributionSystem
{
    /// <summary>The system of one seed.</summary>
    public static HandOffSystem For(DataDistributionMismatch.Config config, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rng = new Rng(seed).Fork("data-distribution-mismatch");
        var data = ScenarioData.Load(config.Dataset);
        var fullTrain = config.MaxTrainImages is { } max ? ScenarioData.Take(data.Train, max, rng.Fork("cap")) : data.Train;
        var grouping = ClassGrouping.FiveVsFive;
        ImageDataset Subsample(int p) => grouping.Apply(DatasetSampling.Subsample(fullTrain, p / 100.0, rng.Fork("subsample")));

        IImageModel Train(ImageDataset images, bool improved)
        {
            var model = TrainingEngines.Current.CreateImageModel(config.Upstream, data.Train.Channels, outputs: 2, rng.Fork("init"));
            model.Fit(images, data.Normalization, ImageLoss.CrossEntropy, config.UpstreamTraining, rng.Fork("train-upstream"),
                progress: progress);
            return model;
        }

        var upstreamTest = grouping.Apply(data.Test);
        var digits17 = ClassGrouping.Select(data.Test, 1, 7);
        return new HandOffSystem
        {
            Normalization = data.Normalization,
            UpstreamTrainBefore = Subsample(config.P[0]),
            UpstreamTrainAfter = Subsample(config.P[^1]),
            UpstreamTest = upstreamTest,
            TrainUpstream = Train,
            UpstreamLoss = m => ScenarioData.NearestNeighbourError(m.Features(upstreamTest, data.Normalization)),
            UpstreamRight = (m, images) => UpstreamAnswers.Right(m, images, data.Normalization),
            HandOff = HandOff.Features,
            DownstreamTrain = ClassGrouping.OneVsSeven.Apply(ClassGrouping.Select(fullTrain, 1, 7)),
            DownstreamTest = ClassGrouping.OneVsSeven.Apply(digits17),
            Downstream = width => DownstreamNetwork.Linear(width, 2),
            DownstreamTraining = config.DownstreamTraining,
            Rng = rng,
            DownstreamClasses = digits17.Labels,
        };
    }
}
