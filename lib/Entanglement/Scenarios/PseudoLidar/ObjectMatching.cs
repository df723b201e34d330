namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Which ground-truth boxes of an evaluation frame a detector found, as KITTI's evaluation decides it
/// (<see cref="KittiAveragePrecision"/>): detections in decreasing score order (ties in their order) each take the
/// unmatched counted box with the highest IoU at or above the threshold. Matching never crosses frames, so matching
/// one frame alone gives the same pairs as the AP's matching over all frames.
/// </summary>
public static class ObjectMatching
{
    /// <summary>Per box of <see cref="EvaluationFrame.GroundTruth"/>: whether a detection matched it.</summary>
    public static bool[] Found(EvaluationFrame frame, double iouThreshold, BoxView view)
    {
        ArgumentNullException.ThrowIfNull(frame);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(iouThreshold, nameof(iouThreshold));
        var matched = new bool[frame.GroundTruth.Count];
        foreach (var detection in frame.Detections.Select((d, i) => (d, i)).OrderByDescending(t => t.d.Score).ThenBy(t => t.i).Select(t => t.d))
        {
            var best = -1;
            var bestIoU = iouThreshold;
            for (var g = 0; g < matched.Length; g++)
            {
                if (matched[g])
                {
                    continue;
                }

                var iou = KittiAveragePrecision.Overlap(detection.Box, frame.GroundTruth[g], view);
                if (iou >= bestIoU)
                {
                    bestIoU = iou;
                    best = g;
                }
            }

            if (best >= 0)
            {
                matched[best] = true;
            }
        }

        return matched;
    }
}
