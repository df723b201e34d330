using Entanglement.Data;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.Training;
using Rng = Entanglement.Tensors.Rng;

namespace Entanglement.Torch.Tests;

/// <summary>
/// The two engines trained side by side from the same seed: same initial weights, same batches and augmentations, so
/// their training losses, outputs and downstream predictions differ only by floating-point rounding.
/// </summary>
public sealed class TorchEngineTests
{
    /// <summary>Rounding differences compound over the steps of training: a few dozen steps stay well within 1e-3.</summary>
    private const double TrainingBound = 1e-3;

    [Theory]
    [InlineData(ImageLoss.CrossEntropy)]
    [InlineData(ImageLoss.SquaredErrorToLabel)]
    public void TrainingAnUpstreamGivesTheNativeNumbers(ImageLoss loss)
    {
        var data = Synthetic.Images(96, channels: 1, classes: 3, new Rng(4));
        var network = UpstreamNetwork.SmallConvNetCode(4, [6]) with { FeatureTap = FeatureTap.LastHidden };
        var settings = TrainingSettings.QuickUpstream(3) with { BatchSize = 32 };
        var results = new[] { (ITrainingEngine)NativeEngine.Instance, new TorchEngine("cpu") }.Select(engine =>
        {
            using var model = engine.CreateImageModel(network, 1, 3, new Rng(11));
            var difficulty = new LossCurveArea(data.Count);
            var epochs = new List<int>();
            var log = model.Fit(data, Normalization.Digits, loss, settings, new Rng(12), difficulty, epochs.Add);
            return (log, difficulty.Area.ToArray(), model.Outputs(data, Normalization.Digits), model.Features(data, Normalization.Digits), epochs);
        }).ToArray();
        var (native, torch) = (results[0], results[1]);
        Assert.Equal([0, 1, 2], torch.epochs);
        Agreement.Close("epoch losses", [.. torch.log.EpochLosses.Select(v => (float)v)], [.. native.log.EpochLosses.Select(v => (float)v)], TrainingBound);
        Agreement.Close("difficulty", [.. torch.Item2.Select(v => (float)v)], [.. native.Item2.Select(v => (float)v)], TrainingBound);
        Agreement.Close("outputs", torch.Item3.Features, native.Item3.Features, TrainingBound);
        Assert.Equal(native.Item4.Width, torch.Item4.Width);
        Agreement.Close("last-hidden features", torch.Item4.Features, native.Item4.Features, TrainingBound);
    }

    [Fact]
    public void TrainingADownstreamGivesTheNativePredictions()
    {
        var rng = new Rng(8);
        var rows = Enumerable.Range(0, 200).Select(_ => (float)rng.NextNormal()).ToArray();
        var labels = Enumerable.Range(0, 100).Select(i => rows[2 * i] + (0.5f * rows[(2 * i) + 1]) > 0 ? 1 : 0).ToArray();
        var train = new FeatureSet(rows, 2, labels);
        var settings = new TrainingSettings { Epochs = 20, BatchSize = 16, LearningRate = 5e-2 };
        foreach (var network in new[] { DownstreamNetwork.Linear(2, 2), DownstreamNetwork.Mlp(2, [8], 2) })
        {
            using var native = NativeEngine.Instance.CreateFeatureModel(network, new Rng(1));
            using var torch = new TorchEngine("cpu").CreateFeatureModel(network, new Rng(1));
            var nativeLog = native.Fit(train, settings, new Rng(2));
            var torchLog = torch.Fit(train, settings, new Rng(2));
            Agreement.Close($"{network} epoch losses", [.. torchLog.EpochLosses.Select(v => (float)v)],
                [.. nativeLog.EpochLosses.Select(v => (float)v)], TrainingBound);
            Assert.Equal(native.Predict(train), torch.Predict(train));
            Assert.True(torch.ZeroOneError(train) < 0.2, $"{network} learned nothing: error {torch.ZeroOneError(train)}");
        }
    }

    [Fact]
    public void EnginesAreChosenByName()
    {
        Assert.Same(NativeEngine.Instance, TrainingEngines.Create("native", "cpu"));
        var torch = TrainingEngines.Create("torch", "cpu");
        Assert.Equal(("torch", "cpu"), (torch.Name, torch.Device));
        Assert.IsType<TorchEngine>(torch);
        Assert.Throws<ArgumentException>(() => TrainingEngines.Create("jax", "cpu"));
        Assert.Throws<InvalidOperationException>(() => TrainingEngines.Create("native", "cuda"));
        using (TrainingEngines.Use(torch))
        {
            Assert.Same(torch, TrainingEngines.Current);
        }
    }
}
