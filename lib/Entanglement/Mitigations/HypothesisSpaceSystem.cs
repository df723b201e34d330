using Entanglement.Data;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Tensors;

namespace Entanglement.Mitigations;

/// <summary>
/// Hypothesis-space mismatch (§4.1.3) as a <see cref="HandOffSystem"/>: the 10-class conv net with the first and the
/// last head depth (the experiment's random streams), handing its trunk features to the linear 10-way downstream.
/// The two ends differ in architecture, so the compatible update trains the deeper network with the penalty.
/// </summary>
public static class HypothesisSpaceSystem
{
    private static readonly int[] HeadWidths = [512, 256, 128, 64];

    /// <summary>The system of one seed.</summary>
    public static HandOffSystem For(HypothesisSpaceMismatch.Config config, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rng = new Rng(seed).Fork("hypothesis-space-mismatch");
        var data = ScenarioData.Load(config.Dataset);
        var train = config.MaxTrainImages is { } max ? ScenarioData.Take(data.Train, max, rng.Fork("cap")) : data.Train;

        IImageModel Train(ImageDataset images, bool improved)
        {
            var depth = improved ? config.HeadDepth[^1] : config.HeadDepth[0];
            var spec = config.Upstream with { HeadHidden = HeadWidths[..(depth - 1)], FeatureTap = FeatureTap.Trunk };
            var model = TrainingEngines.Current.CreateImageModel(spec, data.Train.Channels, outputs: 10, rng.Fork("init"));
            model.Fit(images, data.Normalization, ImageLoss.CrossEntropy, config.UpstreamTraining, rng.Fork("train-upstream"),
                progress: progress);
            return model;
        }

        return new HandOffSystem
        {
            Normalization = data.Normalization,
            UpstreamTrainBefore = train,
            UpstreamTrainAfter = train,
            UpstreamTest = data.Test,
            TrainUpstream = Train,
            UpstreamLoss = m => ScenarioData.NearestNeighbourError(m.Features(data.Test, data.Normalization)),
            UpstreamRight = (m, images) => UpstreamAnswers.Right(m, images, data.Normalization),
            HandOff = HandOff.Features,
            DownstreamTrain = train,
            DownstreamTest = data.Test,
            Downstream = width => DownstreamNetwork.Linear(width, 10),
            DownstreamTraining = config.DownstreamTraining,
            Rng = rng,
            DownstreamClasses = data.Test.Labels,
        };
    }
}
