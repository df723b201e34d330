using System.Globalization;
using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// The pseudo-LiDAR case studies, simulated (paper, Section 5 and Appendix A): a depth-estimation model u feeds the
/// point-cloud generator r, whose cloud feeds a car detector v and a pedestrian detector w. u is trained with
/// disparity MAE, u′ with depth MAE; every detector is retrained on clouds from the depth source it is evaluated on.
/// </summary>
public static partial class PseudoLidarCaseStudy
{
    /// <summary>Runs every seed of <paramref name="config"/> and aggregates the paper's tables.</summary>
    public static Result Run(Config config, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (config.Seeds.Count == 0 || config.TrainScenes < 1 || config.TestScenes < 1)
        {
            throw new ArgumentException("PseudoLidarCaseStudy: needs at least one seed, one training and one test scene.", nameof(config));
        }

        var outcomes = config.Seeds.Select(seed => RunSeed(config, seed, progress)).ToArray();
        return Result.Aggregate(config, outcomes);
    }

    /// <summary>
    /// Scene <paramref name="index"/> of seed <paramref name="seed"/> exactly as <see cref="RunSeed"/> draws it
    /// (indices below <see cref="Config.TrainScenes"/> are training scenes, the rest test scenes): for pictures.
    /// </summary>
    public static DrivingScene Scene(Config config, int seed, int index)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentOutOfRangeException.ThrowIfNegative(index, nameof(index));
        return SceneGenerator.Generate(config.Scenes, new Rng(seed: (ulong)seed).Fork("scenes").Fork(index));
    }

    /// <summary>One seed: draw scenes, train u and u′, build clouds, train and evaluate the detectors.</summary>
    public static SeedOutcome RunSeed(Config config, int seed, IProgress<string>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        var rng = new Rng(seed: (ulong)seed);
        var total = config.TrainScenes + config.TestScenes;
        var (scenes, features) = StereoScenes.Draw(config.Scenes, total, config.MaxDisparity, rng.Fork("scenes"));

        Report(progress, seed, $"{total} scenes rendered and matched");
        var train = scenes.Take(config.TrainScenes).ToArray();
        var test = scenes.Skip(config.TrainScenes).ToArray();
        var visible = test.Select(DetectionEvaluation.VisiblePixels).ToArray();
        var camera = scenes[0].Camera;
        var depthMaps = new Dictionary<DepthSource, float[][]> { [DepthSource.Oracle] = scenes.Select(s => s.Depth).ToArray() };
        var byRange = new Dictionary<DepthLoss, double[]>();
        var medianByRange = new Dictionary<DepthLoss, double[]>();
        var depthMae = new Dictionary<DepthLoss, double>();
        var disparityMae = new Dictionary<DepthLoss, double>();
        foreach (var loss in new[] { DepthLoss.DisparityMae, DepthLoss.DepthMae })
        {
            // Same data, initialisation and shuffling for u and u′: the loss is the only difference.
            using var model = DepthEstimator.Train(train, features.Take(config.TrainScenes).ToArray(), loss, config.Depth, rng.Fork("depth"));
            var maps = features.Select(model.Predict).ToArray();
            depthMaps[loss == DepthLoss.DisparityMae ? DepthSource.DisparityTrained : DepthSource.DepthTrained] = maps;
            var acc = new DepthErrorByRange.Accumulator();
            double disp = 0;
            for (var i = 0; i < test.Length; i++)
            {
                acc.Add(maps[config.TrainScenes + i], test[i].Depth);
                disp += DepthLosses.Evaluate(DepthLoss.DisparityMae, maps[config.TrainScenes + i], test[i].Depth, camera.DisparityConstant) / test.Length;
            }

            byRange[loss] = acc.PerBin();
            medianByRange[loss] = acc.MedianPerBin();
            depthMae[loss] = acc.Overall;
            disparityMae[loss] = disp;
            Report(progress, seed, $"u trained with {loss}: depth MAE {F(acc.Overall)} m, disparity MAE {F(disp)} px");
        }

        var section5 = new Dictionary<(DepthSource, ObjectKind, BoxView), double>();
        var appendix = new Dictionary<(DepthSource, BoxView), double>();
        var owners = test.Select(ObjectOutcomes.Owners).ToArray();
        var objects = new List<Diagnostics.VertexOutcomes>();
        foreach (var source in Enum.GetValues<DepthSource>())
        {
            var maps = depthMaps[source];
            objects.Add(ObjectOutcomes.ForDepth(source, test, maps[config.TrainScenes..], owners));
            foreach (var (settings, winsor, name) in new[]
            {
                (config.CarDetector, Winsorization.Cars, ObjectOutcomes.CarDetector),
                (config.PedestrianDetector, Winsorization.Pedestrians, ObjectOutcomes.PedestrianDetector),
            })
            {
                var frames = TrainAndEvaluate(config, settings, winsor, maps, train, test, visible, rng.Fork($"{settings.Kind}"));
                var (ap3d, apBev) = DetectionEvaluation.AveragePrecision(frames, settings.Kind);
                objects.Add(ObjectOutcomes.ForDetector(ObjectOutcomes.Detector(name, source), test, frames, settings.Kind));
                section5[(source, settings.Kind, BoxView.Box3D)] = ap3d;
                section5[(source, settings.Kind, BoxView.BirdsEye)] = apBev;
                Report(progress, seed, $"{source} {settings.Kind}: AP_3D {F(ap3d)}, AP_BEV {F(apBev)}");
            }

            if (config.RunAppendix)
            {
                var frames = TrainAndEvaluate(config, config.AppendixDetector, Winsorization.None, maps, train, test, visible, rng.Fork("appendix"));
                var (ap3d, apBev) = DetectionEvaluation.AveragePrecision(frames, config.AppendixDetector.Kind);
                objects.Add(ObjectOutcomes.ForDetector(ObjectOutcomes.Detector(ObjectOutcomes.AppendixDetector, source), test, frames, config.AppendixDetector.Kind));
                appendix[(source, BoxView.Box3D)] = ap3d;
                appendix[(source, BoxView.BirdsEye)] = apBev;
                Report(progress, seed, $"{source} pedestrians (Appendix A): AP_3D {F(ap3d)}, AP_BEV {F(apBev)}");
            }
        }

        return new SeedOutcome(seed, byRange, depthMae, disparityMae, section5, appendix) { DepthMedianByRange = medianByRange, Objects = objects };
    }

    private static EvaluationFrame[] TrainAndEvaluate(
        Config config, DetectorSettings settings, Winsorization winsorization, float[][] maps,
        DrivingScene[] train, DrivingScene[] test, int[][] visible, Rng rng)
    {
        var ground = train[0].Camera.MountHeight;
        PointCloud Cloud(DrivingScene scene, float[] depth) => PointCloudGenerator.Generate(scene.Camera, depth, winsorization, config.Scenes.MaxDepth);
        var trainGrids = train.Select((s, i) => settings.Grid.Encode(Cloud(s, maps[i]), ground)).ToArray();
        using var detector = BevDetector.Train(trainGrids, train, settings, rng);
        return test.Select((s, i) =>
        {
            var cloud = Cloud(s, maps[config.TrainScenes + i]);
            return DetectionEvaluation.Frame(s, visible[i], detector.Detect(settings.Grid.Encode(cloud, ground), ground, cloud), settings);
        }).ToArray();
    }

    private static void Report(IProgress<string>? progress, int seed, string message) =>
        progress?.Report(string.Create(CultureInfo.InvariantCulture, $"seed {seed}: {message}"));

    private static string F(double value) => value.ToString("F3", CultureInfo.InvariantCulture);
}
