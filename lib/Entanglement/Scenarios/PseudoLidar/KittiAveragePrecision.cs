namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// KITTI's average precision with 40 recall points (Geiger et al., 2012; Simonelli et al., 2019): detections of all
/// frames are taken in decreasing score order and greedily matched to the unmatched ground-truth box of their frame
/// with the highest IoU at or above the threshold (0.7 for cars, 0.5 for pedestrians);
/// AP = (1/40) Σ_{r ∈ {1/40, …, 1}} max { precision at recall ≥ r }.
/// </summary>
public static class KittiAveragePrecision
{
    /// <summary>Number of recall points.</summary>
    public const int RecallPoints = 40;

    /// <summary>IoU threshold for cars.</summary>
    public const double CarIoU = 0.7;

    /// <summary>IoU threshold for pedestrians.</summary>
    public const double PedestrianIoU = 0.5;

    /// <summary>AP in [0, 1] over the frames; 0 when there is no ground truth that counts.</summary>
    public static double Compute(IReadOnlyList<EvaluationFrame> frames, double iouThreshold, BoxView view)
    {
        var (precision, recall) = PrecisionRecall(frames, iouThreshold, view);
        return FromCurve(precision, recall);
    }

    /// <summary>40-point interpolated AP of a precision–recall curve (points in decreasing score order).</summary>
    public static double FromCurve(IReadOnlyList<double> precision, IReadOnlyList<double> recall)
    {
        ArgumentNullException.ThrowIfNull(precision);
        ArgumentNullException.ThrowIfNull(recall);
        if (precision.Count != recall.Count)
        {
            throw new ArgumentException($"FromCurve: {precision.Count} precisions but {recall.Count} recalls.", nameof(recall));
        }

        double sum = 0;
        for (var k = 1; k <= RecallPoints; k++)
        {
            var r = (double)k / RecallPoints;
            double best = 0;
            for (var i = 0; i < precision.Count; i++)
            {
                if (recall[i] >= r - 1e-12)
                {
                    best = Math.Max(best, precision[i]);
                }
            }

            sum += best;
        }

        return sum / RecallPoints;
    }

    /// <summary>Precision and recall after each counted detection, in decreasing score order.</summary>
    public static (double[] Precision, double[] Recall) PrecisionRecall(IReadOnlyList<EvaluationFrame> frames, double iouThreshold, BoxView view)
    {
        ArgumentNullException.ThrowIfNull(frames);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iouThreshold, nameof(iouThreshold));
        var order = new List<(double Score, int Frame, Box3D Box)>();
        var totalPositives = 0;
        var matched = new bool[frames.Count][];
        for (var f = 0; f < frames.Count; f++)
        {
            totalPositives += frames[f].GroundTruth.Count;
            matched[f] = new bool[frames[f].GroundTruth.Count];
            foreach (var d in frames[f].Detections)
            {
                order.Add((d.Score, f, d.Box));
            }
        }

        // Stable ordering: by score descending, then frame; ties keep insertion order.
        var sorted = order.Select((d, i) => (d, i)).OrderByDescending(t => t.d.Score).ThenBy(t => t.i).Select(t => t.d).ToList();
        var precision = new List<double>(sorted.Count);
        var recall = new List<double>(sorted.Count);
        int tp = 0, fp = 0;
        foreach (var (_, f, box) in sorted)
        {
            var frame = frames[f];
            int best = -1;
            double bestIoU = iouThreshold;
            for (var g = 0; g < frame.GroundTruth.Count; g++)
            {
                if (matched[f][g])
                {
                    continue;
                }

                var iou = Overlap(box, frame.GroundTruth[g], view);
                if (iou >= bestIoU)
                {
                    bestIoU = iou;
                    best = g;
                }
            }

            if (best >= 0)
            {
                matched[f][best] = true;
                tp++;
            }
            else if (frame.Ignored.Any(ig => Overlap(box, ig, view) >= iouThreshold))
            {
                continue;
            }
            else
            {
                fp++;
            }

            precision.Add((double)tp / (tp + fp));
            recall.Add(totalPositives == 0 ? 0 : (double)tp / totalPositives);
        }

        return (precision.ToArray(), recall.ToArray());
    }

    /// <summary>IoU of two boxes in the given view.</summary>
    public static double Overlap(Box3D a, Box3D b, BoxView view) =>
        view == BoxView.Box3D ? BoxOverlap.Iou3D(a, b) : BoxOverlap.BevIoU(a, b);
}
