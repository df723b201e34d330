using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class DetectorTrialTests
{
    private static readonly DetectorSettings Tiny = DetectorPresets.Car with { Epochs = 1, Channels = 4, Layers = 2 };
    private static readonly SceneSettings Small = new() { Width = 64, Height = 24, Supersampling = 1 };

    [Fact]
    public void Variants_share_one_trained_network_and_the_first_repeats_the_single_run()
    {
        var single = DetectorTrial.Run(Tiny, seed: 3, trainScenes: 2, testScenes: 2, Small);
        var variants = DetectorTrial.Run(Tiny, [Tiny, Tiny with { RefinementMargin = null }], seed: 3, trainScenes: 2, testScenes: 2, Small);
        Assert.Equal(2, variants.Count);
        Assert.Equal(single.Ap3D, variants[0].Ap3D, 9);
        Assert.Equal(single.FinalLoss, variants[1].FinalLoss, 9);
        Assert.All(variants, v => Assert.InRange(v.Ap3D, 0, 100));
        Assert.All(variants, v => Assert.InRange(v.RankedAp3D, 0, 100));
    }

    [Fact]
    public void A_trained_network_refuses_detection_settings_of_another_grid()
    {
        var scenes = Enumerable.Range(0, 1).Select(i => SceneGenerator.Generate(Small, new Entanglement.Tensors.Rng(seed: 1).Fork(i))).ToArray();
        var grid = Tiny.Grid.Encode(PointCloudGenerator.Generate(scenes[0].Camera, scenes[0].Depth, Winsorization.Cars), scenes[0].Camera.MountHeight);
        var detector = BevDetector.Train([grid], scenes, Tiny, new Entanglement.Tensors.Rng(seed: 2));
        Assert.Throws<ArgumentException>(() => detector.WithDetectionSettings(Tiny with { Grid = Tiny.Grid with { Cell = 1.0 } }));
        Assert.Equal(0.4, detector.WithDetectionSettings(Tiny with { MinScore = 0.4 }).Settings.MinScore);
    }
}
