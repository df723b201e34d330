using Entanglement.Data;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Tensors;

namespace Entanglement.Mitigations;

/// <summary>
/// Loss-function mismatch (§4.1.1) as a <see cref="HandOffSystem"/>: the upstream regressor at the first and the last r,
/// trained and checkpointed exactly as <see cref="LossFunctionMismatch.RunOne"/> does (same random streams), handing its
/// scalar output to the 4-way MLP.
/// </summary>
public static class LossFunctionSystem
{
    private static readonly int[] Digits = [1, 3, 7, 9];

    /// <summary>The system of one seed.</summary>
    public static HandOffSystem For(LossFunctionMismatch.Config config, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rng = new Rng(seed).Fork("loss-function-mismatch");
        var data = ScenarioData.Load(config.Dataset);
        var train = ScenarioData.Classes(data.Train, Digits, balance: true, rng.Fork("balance"), config.MaxPerDigit);
        var test = ScenarioData.Classes(data.Test, Digits, balance: true, rng.Fork("balance-test"), null).WithLabelsAsTargets();
        LossMismatchSet Blocks(int r) => LabelNoise.LossMismatch(train, config.CleanFraction, r, rng.Fork("blocks"));
        var first = Blocks(config.R[0]);
        var last = Blocks(config.R[^1]);
        var (validation, scoring) = ScenarioData.Halves(test, new Rng(seed: 0).Fork("validation-halves"));
        var index = new Dictionary<int, int> { [1] = 0, [3] = 1, [7] = 2, [9] = 3 };

        IImageModel Train(ImageDataset images, bool improved)
        {
            var model = TrainingEngines.Current.CreateImageModel(config.Upstream, data.Train.Channels, outputs: 1, rng.Fork("init"));
            var best = double.PositiveInfinity;
            IReadOnlyDictionary<string, StateArray>? bestState = null;
            model.Fit(images, data.Normalization, ImageLoss.SquaredErrorToLabel, config.UpstreamTraining, rng.Fork("train-upstream"),
                onEpochEnd: _ =>
                {
                    var mse = MeanSquaredError(model, validation, data.Normalization);
                    if (mse < best)
                    {
                        (best, bestState) = (mse, model.StateDict());
                    }
                },
                progress: progress);
            if (bestState is not null)
            {
                model.LoadStateDict(bestState);
            }

            return model;
        }

        // The downstream trains on the last r's images (its clean labels), as the experiment's downstream at that r.
        // A regressor is right on an image when the nearest of 1, 3, 7, 9 to its output is the image's label.
        var downstreamTrain = last.Train.WithLabels([.. last.CleanLabels.Select(l => index[l])]);
        return new HandOffSystem
        {
            Normalization = data.Normalization,
            UpstreamTrainBefore = first.Train,
            UpstreamTrainAfter = last.Train,
            UpstreamTest = test,
            TrainUpstream = Train,
            UpstreamLoss = m => MeanSquaredError(m, scoring, data.Normalization),
            UpstreamRight = (m, images) =>
            {
                var y = m.Outputs(images, data.Normalization).Features;
                return [.. images.Labels.Select((l, i) => Digits.MinBy(d => Math.Abs(d - y[i])) == l)];
            },
            HandOff = HandOff.Outputs,
            DownstreamTrain = downstreamTrain,
            DownstreamTest = test.WithLabels([.. test.Labels.Select(l => index[l])]),
            Downstream = width => DownstreamNetwork.Mlp(width, [config.DownstreamHidden], 4),
            DownstreamTraining = config.DownstreamTraining,
            Rng = rng,
            DownstreamClasses = test.Labels,
        };
    }

    private static double MeanSquaredError(IImageModel model, ImageDataset data, Normalization normalization)
    {
        var outputs = model.Outputs(data, normalization);
        double sum = 0;
        for (var i = 0; i < outputs.Count; i++)
        {
            var d = outputs.Features[i] - outputs.Labels[i];
            sum += d * d;
        }

        return sum / outputs.Count;
    }
}
