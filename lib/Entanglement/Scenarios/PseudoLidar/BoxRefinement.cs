namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// The detector's second stage (as P-RCNN refines proposals in each box's canonical frame, here without learning):
/// the proposal's points are taken into the box's (along, across) frame, and on each axis the box is re-centred on
/// them: between the robust extremes of the points when they span at least <see cref="SpanFraction"/> of the box's
/// size, else by putting the face nearest the camera on the nearest points (the far faces are occluded). Size, height
/// and heading stay the network's.
/// </summary>
public static class BoxRefinement
{
    /// <summary>Fraction of the box's size the points must span on an axis to be centred between their extremes.</summary>
    public const double SpanFraction = 0.8;

    /// <summary>Quantile used as a robust extreme of the points on an axis (and 1 − it for the other end).</summary>
    public const double ExtremeQuantile = 0.05;

    /// <summary>Fewest points a proposal needs to be refined.</summary>
    public const int MinPoints = 5;

    /// <summary>
    /// The proposal <paramref name="box"/> re-centred on the points of <paramref name="cloud"/> that lie in its
    /// footprint grown by <paramref name="margin"/> metres and more than 0.25 m above the ground plane y = groundY
    /// (at most 0.3 m above the box's top); unchanged when fewer than <see cref="MinPoints"/> do.
    /// </summary>
    public static Box3D Refine(Box3D box, PointCloud cloud, double groundY, double margin) => Refine(box, cloud, groundY, margin, out _);

    /// <summary>
    /// As <see cref="Refine(Box3D, PointCloud, double, double)"/>, and the points' larger robust extent on the refined
    /// box's axes in <paramref name="span"/> (metres; 0 when too few points): how much of an object the points show.
    /// </summary>
    public static Box3D Refine(Box3D box, PointCloud cloud, double groundY, double margin, out double span)
    {
        span = 0;
        ArgumentNullException.ThrowIfNull(cloud);
        double c = Math.Cos(box.Yaw), s = Math.Sin(box.Yaw), halfL = box.Length / 2 + margin, halfW = box.Width / 2 + margin;
        var along = new List<double>();
        var across = new List<double>();
        for (var i = 0; i < cloud.Count; i++)
        {
            var height = groundY - cloud.Y[i];
            if (height < 0.25 || height > box.Height + 0.3)
            {
                continue;
            }

            double dx = cloud.X[i] - box.X, dz = cloud.Z[i] - box.Z;
            double a = dx * c + dz * s, w = -dx * s + dz * c;
            if (Math.Abs(a) <= halfL && Math.Abs(w) <= halfW)
            {
                along.Add(a);
                across.Add(w);
            }
        }

        if (along.Count < MinPoints)
        {
            return box;
        }

        // Heading: the rotation (within ±YawSearch of the network's) whose robust bounding rectangle of the points
        // has the least area (a seen face is a thin line along one axis; two faces make an L that fits the corner).
        var bestTurn = 0.0;
        var bestArea = double.PositiveInfinity;
        var keepArea = Extent([.. along]) * Extent([.. across]);
        for (var k = -YawSteps; k <= YawSteps; k++)
        {
            var turn = YawSearch * k / YawSteps;
            double ct = Math.Cos(turn), st = Math.Sin(turn);
            var area = Extent(along.Select((a, i) => a * ct + across[i] * st).ToList()) * Extent(along.Select((a, i) => -a * st + across[i] * ct).ToList());
            if (area < bestArea - 1e-12)
            {
                (bestArea, bestTurn) = (area, turn);
            }
        }

        // A turn must shrink the rectangle clearly: a few stray points should not rotate the box.
        if (bestTurn != 0 && bestArea < (1 - TurnGain) * keepArea)
        {
            double ct = Math.Cos(bestTurn), st = Math.Sin(bestTurn);
            for (var i = 0; i < along.Count; i++)
            {
                (along[i], across[i]) = (along[i] * ct + across[i] * st, -along[i] * st + across[i] * ct);
            }

            box = box with { Yaw = box.Yaw + bestTurn };
            (c, s) = (Math.Cos(box.Yaw), Math.Sin(box.Yaw));
        }

        // The camera (origin) in the box's frame: which faces it sees.
        double camAlong = -box.X * c - box.Z * s, camAcross = box.X * s - box.Z * c;
        span = Math.Max(Extent([.. along]), Extent([.. across]));
        var shiftAlong = Shift(along, box.Length, camAlong);
        var shiftAcross = Shift(across, box.Width, camAcross);
        return box with { X = box.X + shiftAlong * c - shiftAcross * s, Z = box.Z + shiftAlong * s + shiftAcross * c };
    }

    /// <summary>Largest heading change the refinement searches (radians).</summary>
    public const double YawSearch = 0.2;

    /// <summary>Fraction by which a turn must shrink the points' rectangle to be taken.</summary>
    public const double TurnGain = 0.15;

    private const int YawSteps = 10;

    private static double Extent(List<double> values)
    {
        values.Sort();
        return Math.Max(values[(int)Math.Ceiling((1 - ExtremeQuantile) * (values.Count - 1))] - values[(int)(ExtremeQuantile * (values.Count - 1))], 0.05);
    }

    /// <summary>Where the box's centre should move along one axis of its frame, given the points' coordinates on it.</summary>
    private static double Shift(List<double> values, double size, double camera)
    {
        values.Sort();
        var lo = values[(int)(ExtremeQuantile * (values.Count - 1))];
        var hi = values[(int)Math.Ceiling((1 - ExtremeQuantile) * (values.Count - 1))];
        if (hi - lo >= SpanFraction * size)
        {
            return (lo + hi) / 2;
        }

        return camera < 0 ? lo + size / 2 : hi - size / 2;
    }
}
