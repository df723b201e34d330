using System.Globalization;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Where a detector's boxes fail, over evaluation frames: recall (best 3-D IoU of any detection) at IoU 0.7, 0.5 and
/// 0.25; the mean absolute errors of the nearest detection (centre within 2 m) in the true box's frame; recall at the
/// kind's IoU by range bin; and confident detections (score ≥ 0.3) that overlap no counted or ignored box.
/// </summary>
public sealed record DetectorErrors(
    double Iou, int Objects, double Recall70, double Recall50, double Recall25,
    double Along, double Across, double Height, double Length, double Width, double BoxHeight, double Yaw,
    IReadOnlyList<(double UpTo, int Objects, double Recall)> ByRange, double FalsePositivesPerFrame)
{
    private static readonly double[] RangeBins = [10, 20, 30, 40, 50, 80];

    /// <summary>The errors of <paramref name="frames"/>' detections against their counted boxes; recall by range at <paramref name="iou"/>.</summary>
    public static DetectorErrors Of(IReadOnlyList<EvaluationFrame> frames, double iou)
    {
        ArgumentNullException.ThrowIfNull(frames);
        var best = new List<(Box3D Truth, double Iou)>();
        var near = new List<(Box3D Truth, Box3D Found)>();
        var falsePositives = 0;
        foreach (var f in frames)
        {
            foreach (var t in f.GroundTruth)
            {
                best.Add((t, f.Detections.Count == 0 ? 0 : f.Detections.Max(d => BoxOverlap.Iou3D(t, d.Box))));
                var nearest = f.Detections.OrderBy(d => Distance(t, d.Box)).FirstOrDefault();
                if (f.Detections.Count > 0 && Distance(t, nearest.Box) < 2)
                {
                    near.Add((t, nearest.Box));
                }
            }

            falsePositives += f.Detections.Count(d => d.Score >= 0.3 && f.GroundTruth.Concat(f.Ignored).All(t => BoxOverlap.BevIoU(t, d.Box) < 0.1));
        }

        double Recall(double iou) => best.Count == 0 ? double.NaN : best.Count(b => b.Iou >= iou) / (double)best.Count;
        double Mean(Func<(Box3D Truth, Box3D Found), double> error) => near.Count == 0 ? double.NaN : near.Average(error);
        static (double Along, double Across) InFrame((Box3D Truth, Box3D Found) p)
        {
            double dx = p.Found.X - p.Truth.X, dz = p.Found.Z - p.Truth.Z, c = Math.Cos(p.Truth.Yaw), s = Math.Sin(p.Truth.Yaw);
            return (dx * c + dz * s, -dx * s + dz * c);
        }

        var byRange = new List<(double, int, double)>();
        var lo = 0.0;
        foreach (var hi in RangeBins)
        {
            var bin = best.Where(b => b.Truth.Range >= lo && b.Truth.Range < hi).ToArray();
            byRange.Add((hi, bin.Length, bin.Length == 0 ? double.NaN : bin.Count(b => b.Iou >= iou) / (double)bin.Length));
            lo = hi;
        }

        return new DetectorErrors(
            iou, best.Count, Recall(0.7), Recall(0.5), Recall(0.25),
            Mean(p => Math.Abs(InFrame(p).Along)), Mean(p => Math.Abs(InFrame(p).Across)), Mean(p => Math.Abs(p.Found.Y - p.Truth.Y)),
            Mean(p => Math.Abs(p.Found.Length - p.Truth.Length)), Mean(p => Math.Abs(p.Found.Width - p.Truth.Width)),
            Mean(p => Math.Abs(p.Found.Height - p.Truth.Height)), Mean(p => YawError(p.Truth.Yaw, p.Found.Yaw)),
            byRange, frames.Count == 0 ? 0 : falsePositives / (double)frames.Count);
    }

    /// <summary>One line: recalls, mean errors (m, rad), recall at the kind's IoU by range, false positives per frame.</summary>
    public override string ToString()
    {
        var ranges = string.Join(" ", ByRange.Select(b => string.Create(CultureInfo.InvariantCulture, $"<{b.UpTo}:{b.Recall:F2}/{b.Objects}")));
        return string.Create(CultureInfo.InvariantCulture,
            $"n {Objects} R.7 {Recall70:F2} R.5 {Recall50:F2} R.25 {Recall25:F2} | along {Along:F2} across {Across:F2} y {Height:F2} " +
            $"l {Length:F2} w {Width:F2} h {BoxHeight:F2} yaw {Yaw:F3} | R@{Iou} by range {ranges} | FP/frame {FalsePositivesPerFrame:F2}");
    }

    private static double Distance(Box3D a, Box3D b) => Math.Sqrt((a.X - b.X) * (a.X - b.X) + (a.Z - b.Z) * (a.Z - b.Z));

    private static double YawError(double a, double b)
    {
        // Heading modulo π (a box is the same box turned by π).
        var d = Math.Abs(a - b) % Math.PI;
        return Math.Min(d, Math.PI - d);
    }
}
