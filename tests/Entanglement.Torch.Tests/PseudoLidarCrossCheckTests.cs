using Entanglement.Scenarios;
using Entanglement.Scenarios.Engines;
using Entanglement.Scenarios.PseudoLidar;
using Rng = Entanglement.Tensors.Rng;

namespace Entanglement.Torch.Tests;

/// <summary>
/// The pseudo-LiDAR networks on both engines: on the same weights and inputs, the detector's convolution stack (with its
/// heat-map + box loss) and the depth estimator's MLP (with its range-weighted disparity loss) give the same outputs,
/// loss, parameter gradients and first Adam step within a relative error of 1e-4; trained side by side, the same loss
/// curves and depth maps within 1e-3.
/// </summary>
public sealed class PseudoLidarCrossCheckTests
{
    private const double TrainingBound = 1e-3;

    [Fact]
    public void DetectorNetworkLossGradientsAndAdamStepAgree()
    {
        var settings = DetectorPresets.Car with { Channels = 5, Layers = 3, OutputStride = 2 };
        var config = PseudoLidarCaseStudy.Config.For(Profile.Smoke);
        var scenes = Enumerable.Range(0, 2).Select(i => PseudoLidarCaseStudy.Scene(config, 3, i)).ToArray();
        var targets = scenes.Select(s => DetectionTargets.Build(s, settings)).ToArray();
        Assert.Contains(targets, t => t.PositiveCells.Length > 0);
        int rows = settings.Grid.Rows, cols = settings.Grid.Cols;
        int[] shape = [2, BevGrid.Channels, rows, cols];
        var x = Values(new Rng(21), 2 * BevGrid.Channels * rows * cols);
        var head = settings.HeadGrid;
        var loss = OutputLosses.Native(y => DetectionTargets.Loss(y, targets, head.Rows * head.Cols, settings.NegativeWeight), 2, 9, head.Rows, head.Cols);
        Compare("detector", BevDetector.Network(settings), (engine, rng) => engine.CreateNetworkModel(BevDetector.Network(settings), rng), x, shape, loss);
    }

    [Fact]
    public void DepthEstimatorNetworkLossGradientsAndAdamStepAgree()
    {
        const int N = 64;
        var rng = new Rng(5);
        // Block-matching features: disparity (÷ DisparityScale) first, then the matching costs; depth from a noisy disparity.
        var features = Values(rng.Fork("x"), N * BlockMatcher.FeatureCount);
        var depth = new float[N];
        for (var i = 0; i < N; i++)
        {
            features[i * BlockMatcher.FeatureCount] = (float)((2 + (30 * rng.NextDouble())) / BlockMatcher.DisparityScale);
            depth[i] = (float)(400 / (features[i * BlockMatcher.FeatureCount] * BlockMatcher.DisparityScale * (0.9 + (0.2 * rng.NextDouble()))));
        }

        var network = DepthEstimator.Network(new DepthTrainingSettings { Hidden = [16, 8] });
        foreach (var weight in new[] { 0.0, 0.5, 1.0 })
        {
            Compare($"estimator (range weight {weight})", network, (engine, r) => engine.CreateNetworkModel(network, r),
                features, [N, BlockMatcher.FeatureCount], DepthEstimator.BatchLoss(features, depth, 400, weight));
        }
    }

    [Fact]
    public void TrainingTheEstimatorAndADetectorGivesTheNativeNumbers()
    {
        var config = PseudoLidarCaseStudy.Config.For(Profile.Smoke);
        var (scenes, features) = StereoScenes.Draw(config.Scenes, 3, config.MaxDisparity, new Rng(2).Fork("scenes"));
        var train = scenes.Take(2).ToArray();
        var depth = config.Depth with { Epochs = 3 };
        var settings = config.PedestrianDetector with { Epochs = 3, BatchSize = 2, MirrorAugmentation = true };
        var ground = train[0].Camera.MountHeight;
        var grids = train.Select(s => settings.Grid.Encode(PointCloudGenerator.Generate(s.Camera, s.Depth, Winsorization.None, config.Scenes.MaxDepth), ground)).ToArray();
        var results = new[] { (ITrainingEngine)NativeEngine.Instance, new TorchEngine("cpu") }.Select(engine =>
        {
            using var scope = TrainingEngines.Use(engine);
            using var estimator = DepthEstimator.Train(train, features.Take(2).ToArray(), 0.5, depth, new Rng(3));
            using var detector = BevDetector.Train(grids, train, settings, new Rng(4));
            return (Curve: estimator.LossCurve, Map: estimator.Predict(features[2]), Parameters: estimator.ParameterCount, Detector: detector.LossCurve);
        }).ToArray();
        var (native, torch) = (results[0], results[1]);
        Assert.Equal(native.Parameters, torch.Parameters);
        Assert.Equal(1 + 3, torch.Curve.Count);
        Agreement.Close("estimator loss curve", [.. torch.Curve.Select(v => (float)v)], [.. native.Curve.Select(v => (float)v)], TrainingBound);
        Agreement.Close("estimator depth map", torch.Map, native.Map, TrainingBound);
        Assert.Equal(3, torch.Detector.Count);
        Agreement.Close("detector loss curve", [.. torch.Detector.Select(v => (float)v)], [.. native.Detector.Select(v => (float)v)], TrainingBound);
    }

    /// <summary>Both engines' models from the same initial weights: eval outputs, one training step's loss and gradients, the Adam update.</summary>
    private static void Compare(string what, object network, Func<ITrainingEngine, Rng, INetworkModel> create, float[] x, int[] shape, OutputLoss loss)
    {
        using var native = (NativeNetworkModel)create(NativeEngine.Instance, new Rng(9).Fork("init"));
        using var torch = (TorchNetworkModel)create(new TorchEngine("cpu"), new Rng(9).Fork("init"));
        Assert.Equal(native.ParameterCount, torch.ParameterCount);
        var before = native.StateDict().ToDictionary(e => e.Key, e => e.Value with { Values = [.. e.Value.Values] });
        Assert.Equal(before.Keys.Order(), torch.StateDict().Keys.Order());
        Agreement.Close($"{what} ({network}) forward", torch.Forward(x, shape), native.Forward(x, shape));

        using var nativeTraining = native.Adam(1e-3, [1]);
        using var torchTraining = torch.Adam(1e-3, [1]);
        var nativeLoss = nativeTraining.Update(x, shape, loss);
        var torchLoss = torchTraining.Update(x, shape, loss);
        Agreement.Close($"{what} loss", [(float)torchLoss], [(float)nativeLoss]);
        var torchParameters = torch.Module.named_parameters().ToDictionary(p => p.name, p => p.parameter);
        var nativeParameters = native.Module.NamedParameters().ToArray();
        Assert.NotEmpty(nativeParameters);
        foreach (var (name, parameter) in nativeParameters)
        {
            Assert.True(parameter.Grad!.Data.Any(g => g != 0), $"{what} {name}: no gradient reached it");
            Agreement.Close($"{what} {name} gradient", torchParameters[name].grad!.data<float>().ToArray(), parameter.Grad!.Data);
            var old = before[name].Values;
            Agreement.Close($"{what} {name} Adam step",
                [.. torchParameters[name].detach().data<float>().ToArray().Select((v, i) => v - old[i])],
                [.. parameter.Data.Select((v, i) => v - old[i])]);
        }
    }

    private static float[] Values(Rng rng, int count) => [.. Enumerable.Range(0, count).Select(_ => (float)rng.NextNormal())];
}
