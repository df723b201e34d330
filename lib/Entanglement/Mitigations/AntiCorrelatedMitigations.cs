using Entanglement.Data;
using Entanglement.Diagnostics;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Entanglement.Tensors;

namespace Entanglement.Mitigations;

/// <summary>
/// Anti-correlated errors (§4.2) with mitigations: u improved from the highest noise level to none while v keeps the
/// highest, every model trained with the experiment's random streams. The downstream reads the two upstreams' hard
/// answers, so only two mitigations apply: a compatible update of u, and calibration, which changes the hand-off from
/// hard answers to the temperature-scaled probabilities of "yes" of u and v (temperatures fitted on a held-out half of
/// the test set) read by a small MLP.
/// </summary>
public static class AntiCorrelatedMitigations
{
    /// <summary>Hidden width of the MLP that reads the calibrated probabilities.</summary>
    public const int CalibratedReaderHidden = 16;

    /// <summary>The updates of one seed: none, calibration, compatibility.</summary>
    public static IReadOnlyList<MitigatedUpdate> Run(AntiCorrelatedErrors.Config config, MitigationSettings settings, int seed,
        IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        var rng = new Rng(seed).Fork("anti-correlated-errors");
        var data = ScenarioData.Load(config.Dataset);
        var train = ScenarioData.Classes(data.Train, [1, 6, 7], balance: true, rng.Fork("balance"), config.MaxPerDigit);
        var test = ScenarioData.Classes(data.Test, [1, 6, 7], balance: true, rng.Fork("balance-test"), null);
        var difficulty = Difficulty(config, data, train, rng, progress);
        var last = config.P.Count - 1;
        var noisy = LabelNoise.FlipHardest(train, difficulty.Area, config.P[last]);
        var clean = LabelNoise.FlipHardest(train, difficulty.Area, config.P[0]);
        var (u, v) = (ClassGrouping.OneSixVsSeven, ClassGrouping.OneVsSixSeven);

        IImageModel Train(ImageDataset images, Rng stream)
        {
            var model = TrainingEngines.Current.CreateImageModel(config.Upstream, data.Train.Channels, outputs: 2, stream.Fork("init"));
            model.Fit(images, data.Normalization, ImageLoss.CrossEntropy, config.UpstreamTraining, stream.Fork("train"), progress: progress);
            return model;
        }

        using var uBefore = Train(u.Apply(noisy), rng.Fork($"u-{last}"));
        using var uAfter = Train(u.Apply(clean), rng.Fork("u-0"));
        using var vModel = Train(v.Apply(noisy), rng.Fork($"v-{last}"));
        var previousRight = UpstreamAnswers.Right(uBefore, u.Apply(clean), data.Normalization);
        using var uCompatible = Train(u.Apply(clean).Subset(CompatibilityPenalty.Indices(previousRight, settings.Lambda)), rng.Fork("u-0"));

        var positiveTrain = train.Labels.Select(l => l != 6).ToArray();
        var positiveTest = test.Labels.Select(l => l != 6).ToArray();
        var (validation, _) = ScenarioData.Halves(test, new Rng(seed: 0).Fork("validation-halves"));
        var uTest = u.Apply(test);
        var uError = (IImageModel m) => 1 - UpstreamAnswers.Right(m, uTest, data.Normalization).Average(r => r ? 1.0 : 0.0);
        FlipMetrics UFlips(IImageModel b, IImageModel a) => FlipMetrics.Of(
            Correct(UpstreamAnswers.Right(b, uTest, data.Normalization), test), Correct(UpstreamAnswers.Right(a, uTest, data.Normalization), test));

        // Hard answers (1 when u says 7, when v says 1) and the Bayes cell rule, as the experiment's retrained w.
        int[] Answers(IImageModel m, ImageDataset images, int yes) =>
            [.. m.Outputs(images, data.Normalization).ToTensor().Argmax(1).Select(g => g == yes ? 1 : 0)];
        int[] Cells(IImageModel uModel) => DownstreamRules.BayesCellPredictions(
            Answers(uModel, train, 1), Answers(vModel, train, 0), positiveTrain, Answers(uModel, test, 1), Answers(vModel, test, 0));

        // Calibrated hand-off: each upstream's temperature from the held-out half, P(yes) of u and of v as the downstream's input.
        FeatureSet Calibrated(IImageModel uModel, ImageDataset images, bool[] positive)
        {
            var pu = YesProbability(uModel, u, validation, images, 1, data.Normalization);
            var pv = YesProbability(vModel, v, validation, images, 0, data.Normalization);
            return new FeatureSet([.. pu.SelectMany((p, i) => new[] { p, pv[i] })], 2, [.. positive.Select(p => p ? 1 : 0)]);
        }

        int[] CalibratedPredictions(IImageModel uModel)
        {
            using var reader = TrainingEngines.Current.CreateFeatureModel(
                DownstreamNetwork.Mlp(2, [CalibratedReaderHidden], 2), rng.Fork("init-calibrated-downstream"));
            reader.Fit(Calibrated(uModel, train, positiveTrain), config.DownstreamTraining, rng.Fork("train-calibrated-downstream"));
            return reader.Predict(Calibrated(uModel, test, positiveTest));
        }

        var truth = positiveTest.Select(p => p ? 1 : 0).ToArray();
        MitigatedUpdate Update(Mitigation mitigation, IImageModel after, int[] before, int[] afterPredictions) => new()
        {
            Mitigation = mitigation,
            UpstreamBefore = uError(uBefore),
            UpstreamAfter = uError(after),
            DownstreamBefore = Error(before, truth),
            DownstreamAfter = Error(afterPredictions, truth),
            DownstreamFlips = FlipMetrics.Of(
                OutcomeRecorder.Hard("downstream", before, truth, test.Ids, test.Labels),
                OutcomeRecorder.Hard("downstream", afterPredictions, truth, test.Ids, test.Labels)),
            UpstreamFlips = UFlips(uBefore, after),
        };

        var cellsBefore = Cells(uBefore);
        return
        [
            Update(Mitigation.None, uAfter, cellsBefore, Cells(uAfter)),
            Update(Mitigation.Calibration, uAfter, CalibratedPredictions(uBefore), CalibratedPredictions(uAfter)),
            Update(Mitigation.Compatibility, uCompatible, cellsBefore, Cells(uCompatible)),
        ];
    }

    /// <summary>Area under each training image's loss curve in the experiment's clean 3-class reference run.</summary>
    private static LossCurveArea Difficulty(AntiCorrelatedErrors.Config config, DatasetSplit data, ImageDataset train, Rng rng,
        IProgress<string>? progress)
    {
        using var reference = TrainingEngines.Current.CreateImageModel(config.Upstream, data.Train.Channels, outputs: 3, rng.Fork("init-reference"));
        var referenceTrain = ClassGrouping.Each(1, 6, 7).Apply(train);
        var difficulty = new LossCurveArea(train.Count);
        var atEpochEnd = config.Difficulty == DifficultyCurve.EpochEndEval;
        reference.Fit(referenceTrain, data.Normalization, ImageLoss.CrossEntropy, config.ReferenceTraining, rng.Fork("train-reference"),
            atEpochEnd ? null : difficulty,
            atEpochEnd
                ? _ =>
                {
                    var logits = reference.Outputs(referenceTrain, data.Normalization);
                    difficulty.Add([.. Enumerable.Range(0, referenceTrain.Count)], PerExampleLoss.CrossEntropy(logits.ToTensor(), logits.Labels).Data);
                }
        : null,
            progress);
        return difficulty;
    }

    /// <summary>softmax(z / T)[yes] on <paramref name="images"/>, T fitted on <paramref name="heldOut"/> under the model's grouping.</summary>
    private static float[] YesProbability(IImageModel model, ClassGrouping grouping, ImageDataset heldOut, ImageDataset images, int yes,
        Normalization normalization)
    {
        var temperature = TemperatureScaling.Fit(model.Outputs(grouping.Apply(heldOut), normalization));
        var p = TemperatureScaling.Probabilities(model.Outputs(images, normalization), temperature);
        return [.. Enumerable.Range(0, p.Count).Select(i => p.Features[(i * 2) + yes])];
    }

    private static VertexOutcomes Correct(bool[] right, ImageDataset test) =>
        OutcomeRecorder.Hard("u", [.. right.Select(r => r ? 1 : 0)], [.. right.Select(_ => 1)], test.Ids, test.Labels);

    private static double Error(int[] predictions, int[] truth) => predictions.Where((p, i) => p != truth[i]).Count() / (double)truth.Length;
}
