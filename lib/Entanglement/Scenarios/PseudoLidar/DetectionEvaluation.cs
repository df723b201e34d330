namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>Which ground-truth boxes of a scene count for a detector, and KITTI's AP over scenes.</summary>
public static class DetectionEvaluation
{
    /// <summary>
    /// Number of left-image pixels whose ground-truth 3-D point lies in each object's box (grown by 0.1 m), by
    /// <see cref="DrivingScene.Objects"/> index: how visible each object is.
    /// </summary>
    public static int[] VisiblePixels(DrivingScene scene)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var camera = scene.Camera;
        var counts = new int[scene.Objects.Count];
        var grown = scene.Objects.Select(o => o.Box with { Length = o.Box.Length + 0.2, Width = o.Box.Width + 0.2, Height = o.Box.Height + 0.2 }).ToArray();
        for (var v = 0; v < camera.Height; v++)
        {
            for (var u = 0; u < camera.Width; u++)
            {
                double d = scene.Depth[v * camera.Width + u];
                if (!(d > 0))
                {
                    continue;
                }

                var (x, y, z) = camera.BackProject(u, v, d);
                for (var k = 0; k < grown.Length; k++)
                {
                    if (scene.Objects[k].Kind != ObjectKind.Clutter && grown[k].Contains(x, y, z))
                    {
                        counts[k]++;
                        break;
                    }
                }
            }
        }

        return counts;
    }

    /// <summary>
    /// The evaluation frame of one scene: boxes of the detector's kind inside its grid, within its evaluation range
    /// and with enough visible pixels count; the other boxes of that kind are ignored.
    /// </summary>
    public static EvaluationFrame Frame(DrivingScene scene, int[] visiblePixels, IReadOnlyList<Detection> detections, DetectorSettings settings)
    {
        ArgumentNullException.ThrowIfNull(scene);
        ArgumentNullException.ThrowIfNull(visiblePixels);
        ArgumentNullException.ThrowIfNull(settings);
        var counted = new List<Box3D>();
        var ignored = new List<Box3D>();
        for (var k = 0; k < scene.Objects.Count; k++)
        {
            var o = scene.Objects[k];
            if (o.Kind != settings.Kind)
            {
                continue;
            }

            var inGrid = settings.Grid.CellOf(o.Box.X, o.Box.Z).Row >= 0;
            var inRange = settings.EvaluationRange is not { } range || o.Box.Range <= range;
            (inGrid && inRange && visiblePixels[k] >= settings.MinVisiblePixels ? counted : ignored).Add(o.Box);
        }

        return new EvaluationFrame(counted, ignored, detections);
    }

    /// <summary>AP_3D and AP_BEV (in percent, as the paper's tables) at the detector kind's IoU threshold.</summary>
    public static (double Ap3D, double ApBev) AveragePrecision(IReadOnlyList<EvaluationFrame> frames, ObjectKind kind)
    {
        var iou = kind == ObjectKind.Car ? KittiAveragePrecision.CarIoU : KittiAveragePrecision.PedestrianIoU;
        return (100 * KittiAveragePrecision.Compute(frames, iou, BoxView.Box3D), 100 * KittiAveragePrecision.Compute(frames, iou, BoxView.BirdsEye));
    }
}
