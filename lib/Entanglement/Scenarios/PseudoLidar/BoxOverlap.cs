namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Intersection-over-union of upright 3-D boxes: bird's-eye-view IoU of the rotated footprints (convex polygon
/// clipping, Sutherland–Hodgman) and 3-D IoU (footprint overlap × height overlap over the union of volumes), as in
/// KITTI's AP_BEV and AP_3D (Geiger et al., 2012).
/// </summary>
public static class BoxOverlap
{
    /// <summary>IoU of the two footprints in the bird's-eye (x, z) plane.</summary>
    public static double BevIoU(Box3D a, Box3D b)
    {
        var inter = FootprintIntersection(a, b);
        var union = a.FootprintArea + b.FootprintArea - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /// <summary>3-D IoU: intersection volume (footprint intersection × height overlap) over the union volume.</summary>
    public static double Iou3D(Box3D a, Box3D b)
    {
        var heightOverlap = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
        if (heightOverlap <= 0)
        {
            return 0;
        }

        var inter = FootprintIntersection(a, b) * heightOverlap;
        var union = a.Volume + b.Volume - inter;
        return union <= 0 ? 0 : inter / union;
    }

    /// <summary>Area of the intersection of the two rotated footprints.</summary>
    public static double FootprintIntersection(Box3D a, Box3D b)
    {
        var dx = a.X - b.X;
        var dz = a.Z - b.Z;
        var reach = (Math.Sqrt(a.Length * a.Length + a.Width * a.Width) + Math.Sqrt(b.Length * b.Length + b.Width * b.Width)) / 2;
        if (dx * dx + dz * dz > reach * reach)
        {
            return 0;
        }

        return PolygonArea(ClipConvex(a.BevCorners(), b.BevCorners()));
    }

    /// <summary>Area of a simple polygon by the shoelace formula (absolute value).</summary>
    public static double PolygonArea(IReadOnlyList<(double X, double Z)> polygon)
    {
        ArgumentNullException.ThrowIfNull(polygon);
        double twice = 0;
        for (var i = 0; i < polygon.Count; i++)
        {
            var (x0, z0) = polygon[i];
            var (x1, z1) = polygon[(i + 1) % polygon.Count];
            twice += x0 * z1 - x1 * z0;
        }

        return Math.Abs(twice) / 2;
    }

    /// <summary>
    /// Sutherland–Hodgman: clips <paramref name="subject"/> by each edge of the convex <paramref name="clip"/>
    /// polygon (either orientation); returns the intersection polygon (possibly empty).
    /// </summary>
    public static List<(double X, double Z)> ClipConvex(IReadOnlyList<(double X, double Z)> subject, IReadOnlyList<(double X, double Z)> clip)
    {
        ArgumentNullException.ThrowIfNull(subject);
        ArgumentNullException.ThrowIfNull(clip);
        var orientation = Math.Sign(SignedTwiceArea(clip));
        var output = new List<(double X, double Z)>(subject);
        for (var e = 0; e < clip.Count && output.Count > 0; e++)
        {
            var p = clip[e];
            var q = clip[(e + 1) % clip.Count];
            double Side((double X, double Z) r) => orientation * ((q.X - p.X) * (r.Z - p.Z) - (q.Z - p.Z) * (r.X - p.X));
            var input = output;
            output = new List<(double X, double Z)>(input.Count + 2);
            for (var i = 0; i < input.Count; i++)
            {
                var cur = input[i];
                var prev = input[(i + input.Count - 1) % input.Count];
                double sc = Side(cur), sp = Side(prev);
                if (sc >= 0)
                {
                    if (sp < 0)
                    {
                        output.Add(Lerp(prev, cur, sp / (sp - sc)));
                    }

                    output.Add(cur);
                }
                else if (sp >= 0)
                {
                    output.Add(Lerp(prev, cur, sp / (sp - sc)));
                }
            }
        }

        return output;
    }

    private static (double X, double Z) Lerp((double X, double Z) a, (double X, double Z) b, double t) =>
        (a.X + t * (b.X - a.X), a.Z + t * (b.Z - a.Z));

    private static double SignedTwiceArea(IReadOnlyList<(double X, double Z)> polygon)
    {
        double twice = 0;
        for (var i = 0; i < polygon.Count; i++)
        {
            twice += polygon[i].X * polygon[(i + 1) % polygon.Count].Z - polygon[(i + 1) % polygon.Count].X * polygon[i].Z;
        }

        return twice;
    }
}
