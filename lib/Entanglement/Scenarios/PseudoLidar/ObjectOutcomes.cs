using Entanglement.Diagnostics;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// The per-object outcomes a case-study seed keeps for diagnosis, as <see cref="VertexOutcomes"/> (a few kilobytes per
/// seed in the results store). Example ids are <c>1000 · test scene + object index</c>; classes are range bins
/// (<see cref="DepthErrorByRange.BinLabels"/>, by the object's bird's-eye range).
/// <list type="bullet">
/// <item><c>v[source]</c>, <c>w[source]</c>, <c>w-all[source]</c>: the car detector, the pedestrian detector and Appendix
/// A's all-range pedestrian detector trained and evaluated on clouds from <see cref="DepthSource"/> source; one row per
/// ground-truth object that counts in evaluation: label 1, prediction 1 when a detection matched it at the kind's IoU
/// in 3-D (KITTI's matching, <see cref="ObjectMatching"/>), loss 1 for a miss; outputs: range (m), matched in bird's-eye view (0/1).</item>
/// <item><c>depth[source]</c>: the depth map's error on each car and pedestrian with ground-truth pixels: loss = mean
/// absolute depth error over the object's pixels (m); outputs: mean signed error (m), pixel count; label and prediction
/// are the object's kind.</item>
/// </list>
/// </summary>
public static class ObjectOutcomes
{
    /// <summary>The car detector v.</summary>
    public const string CarDetector = "v";

    /// <summary>The pedestrian detector w of Section 5.</summary>
    public const string PedestrianDetector = "w";

    /// <summary>Appendix A's all-range pedestrian detector.</summary>
    public const string AppendixDetector = "w-all";

    /// <summary>The vertex name of a detector on a depth source, e.g. <c>w[DepthTrained]</c>.</summary>
    public static string Detector(string detector, DepthSource source) => $"{detector}[{source}]";

    /// <summary>The vertex name of a depth source's per-object error, e.g. <c>depth[DisparityTrained]</c>.</summary>
    public static string Depth(DepthSource source) => $"depth[{source}]";

    /// <summary>The example id of object <paramref name="objectIndex"/> of test scene <paramref name="testScene"/>.</summary>
    public static int Id(int testScene, int objectIndex) => (testScene * 1000) + objectIndex;

    /// <summary>The range bin of a bird's-eye range in metres.</summary>
    public static int RangeBin(double range)
    {
        var bin = DepthErrorByRange.BinEdges.Count - 1;
        while (bin > 0 && range < DepthErrorByRange.BinEdges[bin])
        {
            bin--;
        }

        return bin;
    }

    /// <summary>One detector's outcome on every counted object of the test frames (frame i belongs to test scene i).</summary>
    public static VertexOutcomes ForDetector(string vertex, IReadOnlyList<DrivingScene> test, IReadOnlyList<EvaluationFrame> frames, ObjectKind kind)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(frames);
        if (test.Count != frames.Count)
        {
            throw new ArgumentException($"ObjectOutcomes '{vertex}': {test.Count} test scenes but {frames.Count} frames.", nameof(frames));
        }

        var iou = kind == ObjectKind.Car ? KittiAveragePrecision.CarIoU : KittiAveragePrecision.PedestrianIoU;
        List<int> ids = [], classes = [], predictions = [];
        List<float> losses = [], outputs = [];
        for (var i = 0; i < test.Count; i++)
        {
            var found3D = ObjectMatching.Found(frames[i], iou, BoxView.Box3D);
            var foundBev = ObjectMatching.Found(frames[i], iou, BoxView.BirdsEye);
            var used = new HashSet<int>();
            for (var g = 0; g < frames[i].GroundTruth.Count; g++)
            {
                var box = frames[i].GroundTruth[g];
                var k = Enumerable.Range(0, test[i].Objects.Count)
                    .First(j => !used.Contains(j) && test[i].Objects[j].Kind == kind && test[i].Objects[j].Box == box);
                used.Add(k);
                ids.Add(Id(i, k));
                classes.Add(RangeBin(box.Range));
                predictions.Add(found3D[g] ? 1 : 0);
                losses.Add(found3D[g] ? 0 : 1);
                outputs.AddRange([(float)box.Range, foundBev[g] ? 1 : 0]);
            }
        }

        return VertexOutcomes.Create(vertex, ids, [.. ids.Select(_ => 1)], classes, predictions, losses, outputs, 2);
    }

    /// <summary>A depth map's error on every car and pedestrian of the test scenes that has ground-truth pixels.</summary>
    /// <param name="source">The depth source.</param>
    /// <param name="test">The test scenes.</param>
    /// <param name="maps">The source's depth map of each test scene.</param>
    /// <param name="owners">Each test scene's <see cref="Owners"/>.</param>
    public static VertexOutcomes ForDepth(DepthSource source, IReadOnlyList<DrivingScene> test, IReadOnlyList<float[]> maps, IReadOnlyList<int[]> owners)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(maps);
        ArgumentNullException.ThrowIfNull(owners);
        List<int> ids = [], kinds = [], classes = [];
        List<float> losses = [], outputs = [];
        for (var i = 0; i < test.Count; i++)
        {
            var scene = test[i];
            var n = scene.Objects.Count;
            var absolute = new double[n];
            var signed = new double[n];
            var pixels = new int[n];
            for (var p = 0; p < owners[i].Length; p++)
            {
                var k = owners[i][p];
                if (k >= 0)
                {
                    double error = maps[i][p] - scene.Depth[p];
                    absolute[k] += Math.Abs(error);
                    signed[k] += error;
                    pixels[k]++;
                }
            }

            for (var k = 0; k < n; k++)
            {
                if (pixels[k] > 0 && scene.Objects[k].Kind != ObjectKind.Clutter)
                {
                    ids.Add(Id(i, k));
                    kinds.Add((int)scene.Objects[k].Kind);
                    classes.Add(RangeBin(scene.Objects[k].Box.Range));
                    losses.Add((float)(absolute[k] / pixels[k]));
                    outputs.AddRange([(float)(signed[k] / pixels[k]), pixels[k]]);
                }
            }
        }

        return VertexOutcomes.Create(Depth(source), ids, kinds, classes, kinds, losses, outputs, 2);
    }

    /// <summary>
    /// For each left-image pixel, the index of the car or pedestrian whose box (grown by 0.1 m, as
    /// <see cref="DetectionEvaluation.VisiblePixels"/>) holds its ground-truth 3-D point, or −1.
    /// </summary>
    public static int[] Owners(DrivingScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var camera = scene.Camera;
        var owners = new int[camera.Width * camera.Height];
        var grown = scene.Objects.Select(o => o.Box with { Length = o.Box.Length + 0.2, Width = o.Box.Width + 0.2, Height = o.Box.Height + 0.2 }).ToArray();
        for (var p = 0; p < owners.Length; p++)
        {
            owners[p] = -1;
            double d = scene.Depth[p];
            if (!(d > 0))
            {
                continue;
            }

            var (x, y, z) = camera.BackProject(p % camera.Width, p / camera.Width, d);
            for (var k = 0; k < grown.Length; k++)
            {
                if (scene.Objects[k].Kind != ObjectKind.Clutter && grown[k].Contains(x, y, z))
                {
                    owners[p] = k;
                    break;
                }
            }
        }

        return owners;
    }
}
