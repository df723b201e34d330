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
    public static Box3D Refine(Box3D box, PointCloud cloud, double groundY, double margin, out double span, HeadingFit fit = HeadingFit.MinimumArea) =>
        Refine(box, cloud, groundY, margin, fit, out span, out _);

    /// <summary>
    /// As <see cref="Refine(Box3D, PointCloud, double, double, out double, HeadingFit)"/>, and the robust top of the
    /// points (their 95th height percentile above the ground, metres; 0 when too few) in <paramref name="top"/>: how
    /// tall the object the points show is.
    /// </summary>
    public static Box3D Refine(Box3D box, PointCloud cloud, double groundY, double margin, HeadingFit fit, out double span, out double top) =>
        Refine(box, cloud, groundY, margin, fit, ClosenessSearch, out span, out top);

    /// <summary>
    /// As <see cref="Refine(Box3D, PointCloud, double, double, HeadingFit, out double, out double)"/>, with the closeness
    /// fit searching turns within ±<paramref name="headingSearch"/> radians (π/4 searches every rectangle orientation and
    /// keeps the one nearest the proposal's heading).
    /// </summary>
    public static Box3D Refine(Box3D box, PointCloud cloud, double groundY, double margin, HeadingFit fit, double headingSearch, out double span, out double top)
    {
        (span, top) = (0, 0);
        ArgumentNullException.ThrowIfNull(cloud);
        double c = Math.Cos(box.Yaw), s = Math.Sin(box.Yaw), halfL = box.Length / 2 + margin, halfW = box.Width / 2 + margin;
        // The closeness fit looks at a square window as long as the box each way, so that a proposal a quarter turn
        // off still sees the object's long side; the points are cut to the footprint once the heading is fixed.
        var window = fit == HeadingFit.Closeness ? Math.Max(halfL, halfW) : 0;
        var along = new List<double>();
        var across = new List<double>();
        var heights = new List<double>();
        for (var i = 0; i < cloud.Count; i++)
        {
            var height = groundY - cloud.Y[i];
            if (height < 0.25 || height > box.Height + 0.3)
            {
                continue;
            }

            double dx = cloud.X[i] - box.X, dz = cloud.Z[i] - box.Z;
            double a = dx * c + dz * s, w = -dx * s + dz * c;
            if (Math.Abs(a) <= Math.Max(halfL, window) && Math.Abs(w) <= Math.Max(halfW, window))
            {
                along.Add(a);
                across.Add(w);
                heights.Add(height);
            }
        }

        if (along.Count < MinPoints)
        {
            return box;
        }

        var bestTurn = fit == HeadingFit.Closeness ? ClosenessTurn(along, across, headingSearch) : MinimumAreaTurn(along, across);
        if (bestTurn != 0)
        {
            double ct = Math.Cos(bestTurn), st = Math.Sin(bestTurn);
            for (var i = 0; i < along.Count; i++)
            {
                (along[i], across[i]) = (along[i] * ct + across[i] * st, -along[i] * st + across[i] * ct);
            }

            box = box with { Yaw = box.Yaw + bestTurn };
            (c, s) = (Math.Cos(box.Yaw), Math.Sin(box.Yaw));
        }

        // The closeness fit knows the rectangle's orientation only up to a quarter turn: when the points run farther
        // across the box than along it, and farther than a box of this size is wide, the long side is across: turn.
        if (fit == HeadingFit.Closeness && Extent([.. across]) > Math.Max(Extent([.. along]), (box.Length + box.Width) / 2))
        {
            for (var i = 0; i < along.Count; i++)
            {
                (along[i], across[i]) = (across[i], -along[i]);
            }

            box = box with { Yaw = box.Yaw + Math.PI / 2 };
            (c, s) = (Math.Cos(box.Yaw), Math.Sin(box.Yaw));
        }

        if (window > 0)
        {
            var keep = Enumerable.Range(0, along.Count).Where(i => Math.Abs(along[i]) <= halfL && Math.Abs(across[i]) <= halfW).ToArray();
            if (keep.Length < MinPoints)
            {
                return box;
            }

            (along, across, heights) = ([.. keep.Select(i => along[i])], [.. keep.Select(i => across[i])], [.. keep.Select(i => heights[i])]);
        }

        heights.Sort();
        top = heights[(int)Math.Ceiling((1 - ExtremeQuantile) * (heights.Count - 1))];

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

    /// <summary>
    /// Heading: the rotation (within ±<see cref="YawSearch"/>) whose robust bounding rectangle of the points has the
    /// least area (a seen face is a thin line along one axis; two faces make an L that fits the corner); 0 unless it
    /// shrinks the rectangle by <see cref="TurnGain"/> (a few stray points should not rotate the box).
    /// </summary>
    private static double MinimumAreaTurn(List<double> along, List<double> across)
    {
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

        return bestArea < (1 - TurnGain) * keepArea ? bestTurn : 0;
    }

    /// <summary>
    /// Heading by L-shape fitting's closeness criterion (Zhang et al., 2017): the rotation within ±<paramref name="search"/>
    /// (steps of about 0.01 rad) whose robust bounding rectangle has the points closest to its edges, scored
    /// Σ 1 / max(d, 0.01 m) with d a point's distance to the nearest edge. A seen face lies on an edge only when the
    /// rectangle is aligned with it, so one face fixes the heading as well as two.
    /// </summary>
    internal static double ClosenessTurn(List<double> along, List<double> across, double search = ClosenessSearch)
    {
        var steps = (int)Math.Ceiling(search / ClosenessStep);
        var bestTurn = 0.0;
        var bestScore = double.NegativeInfinity;
        var n = along.Count;
        var u = new double[n];
        var v = new double[n];
        // Turns in the order 0, +δ, −δ, +2δ, …: among equally good turns the smallest wins.
        for (var j = 0; j <= 2 * steps; j++)
        {
            var k = (j + 1) / 2 * (j % 2 == 1 ? 1 : -1);
            var turn = search * k / steps;
            double ct = Math.Cos(turn), st = Math.Sin(turn);
            for (var i = 0; i < n; i++)
            {
                (u[i], v[i]) = (along[i] * ct + across[i] * st, -along[i] * st + across[i] * ct);
            }

            var (uLo, uHi) = Extremes(u);
            var (vLo, vHi) = Extremes(v);
            double score = 0;
            for (var i = 0; i < n; i++)
            {
                var d = Math.Min(Math.Min(Math.Abs(u[i] - uLo), Math.Abs(uHi - u[i])), Math.Min(Math.Abs(v[i] - vLo), Math.Abs(vHi - v[i])));
                score += 1 / Math.Max(d, 0.01);
            }

            if (score > bestScore + 1e-9)
            {
                (bestScore, bestTurn) = (score, turn);
            }
        }

        return bestTurn;
    }

    /// <summary>Largest heading change the closeness fit searches by default (radians).</summary>
    public const double ClosenessSearch = 0.3;

    private const double ClosenessStep = 0.01;

    private static (double Lo, double Hi) Extremes(double[] values)
    {
        var sorted = (double[])values.Clone();
        Array.Sort(sorted);
        return (sorted[(int)(ExtremeQuantile * (sorted.Length - 1))], sorted[(int)Math.Ceiling((1 - ExtremeQuantile) * (sorted.Length - 1))]);
    }

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
