using Entanglement.Tensors;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// One detector trained and evaluated on ground-truth-depth clouds only (the LiDAR analogue, no depth model): the
/// scenes and the detector's random streams are the case study's (<see cref="PseudoLidarCaseStudy.RunSeed"/>) for the
/// same seed, so its oracle row is reproduced at a fraction of the cost. For tuning and diagnosing detectors.
/// </summary>
public static class DetectorTrial
{
    /// <summary>Trains <paramref name="settings"/> on the seed's first <paramref name="trainScenes"/> scenes and evaluates it on the next <paramref name="testScenes"/>.</summary>
    public static DetectorTrialResult Run(DetectorSettings settings, int seed, int trainScenes, int testScenes, SceneSettings? scenes = null) =>
        Run(settings, [settings], seed, trainScenes, testScenes, scenes)[0];

    /// <summary>
    /// As <see cref="Run(DetectorSettings, int, int, int, SceneSettings?)"/>, evaluating the one trained network with
    /// each of <paramref name="variants"/>' detection settings (decoding, refinement, suppression; their training
    /// settings are ignored): one result per variant.
    /// </summary>
    public static IReadOnlyList<DetectorTrialResult> Run(DetectorSettings settings, IReadOnlyList<DetectorSettings> variants, int seed, int trainScenes, int testScenes, SceneSettings? scenes = null)
    {
        ArgumentNullException.ThrowIfNull(variants);
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(trainScenes, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(testScenes, 1);
        scenes ??= new SceneSettings();
        var rng = new Rng(seed: (ulong)seed);
        var sceneRng = rng.Fork("scenes");
        var all = Enumerable.Range(0, trainScenes + testScenes).Select(i => SceneGenerator.Generate(scenes, sceneRng.Fork(i))).ToArray();
        var train = all.Take(trainScenes).ToArray();
        var test = all.Skip(trainScenes).ToArray();
        var winsor = settings.Kind == ObjectKind.Car ? Winsorization.Cars : Winsorization.Pedestrians;
        var ground = train[0].Camera.MountHeight;
        PointCloud Cloud(DrivingScene s) => PointCloudGenerator.Generate(s.Camera, s.Depth, winsor, scenes.MaxDepth);
        var grids = train.Select(s => settings.Grid.Encode(Cloud(s), ground)).ToArray();
        var trained = BevDetector.Train(grids, train, settings, rng.Fork($"{settings.Kind}"));
        var clouds = test.Select(Cloud).ToArray();
        var testGrids = clouds.Select(c => settings.Grid.Encode(c, ground)).ToArray();
        var visible = test.Select(DetectionEvaluation.VisiblePixels).ToArray();
        return variants.Select(variant =>
        {
            var detector = trained.WithDetectionSettings(variant);
            var frames = test.Select((s, i) => DetectionEvaluation.Frame(s, visible[i], detector.Detect(testGrids[i], ground, clouds[i]), variant)).ToArray();
            return Evaluate(seed, test, frames, variant, trained.LossCurve[^1]);
        }).ToArray();
    }

    private static DetectorTrialResult Evaluate(int seed, DrivingScene[] test, EvaluationFrame[] frames, DetectorSettings settings, double finalLoss)
    {
        var (ap3d, apBev) = DetectionEvaluation.AveragePrecision(frames, settings.Kind);
        // Ceiling of the boxes as they are: every detection scored by its best 3-D IoU with a counted box.
        var ranked = frames.Select(f => f with { Detections = f.Detections.Select(d => d with { Score = f.GroundTruth.Select(t => BoxOverlap.Iou3D(t, d.Box)).DefaultIfEmpty(0).Max() }).ToArray() }).ToArray();
        var iou = settings.Kind == ObjectKind.Car ? KittiAveragePrecision.CarIoU : KittiAveragePrecision.PedestrianIoU;
        var kinds = new Dictionary<string, int>();
        for (var i = 0; i < test.Length; i++)
        {
            foreach (var d in frames[i].Detections.Where(d => d.Score >= 0.3 && frames[i].GroundTruth.Concat(frames[i].Ignored).All(t => BoxOverlap.BevIoU(t, d.Box) < 0.1)))
            {
                var nearest = test[i].Objects.OrderBy(o => Math.Sqrt(Math.Pow(o.Box.X - d.Box.X, 2) + Math.Pow(o.Box.Z - d.Box.Z, 2))).First();
                var key = Math.Sqrt(Math.Pow(nearest.Box.X - d.Box.X, 2) + Math.Pow(nearest.Box.Z - d.Box.Z, 2)) < 3 + nearest.Box.Length / 2 ? nearest.Kind.ToString() + (nearest.Box.Length > 6 ? "Building" : "") : "none";
                kinds[key] = kinds.GetValueOrDefault(key) + 1;
            }
        }

        return new DetectorTrialResult(seed, ap3d, apBev, DetectorErrors.Of(frames, iou), finalLoss)
        {
            RankedAp3D = 100 * KittiAveragePrecision.Compute(ranked, iou, BoxView.Box3D),
            FalsePositiveNeighbours = string.Join(",", kinds.OrderBy(k => k.Key).Select(k => $"{k.Key}:{k.Value}")),
            Frames = frames,
        };
    }
}
