namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// The non-learnable point-cloud generator r (paper, Section 5.1; Wang et al., 2019): back-projects every pixel of a
/// depth map with the camera intrinsics, (x, y, z) = ((u − cx)·d / f, (v − cy)·d / f, d), then winsorizes.
/// </summary>
public static class PointCloudGenerator
{
    /// <summary>
    /// The pseudo-LiDAR cloud of <paramref name="depth"/> (row-major H × W; pixels that are NaN, non-positive or
    /// beyond <paramref name="maxDepth"/> are skipped), cut by <paramref name="winsorization"/>.
    /// </summary>
    public static PointCloud Generate(StereoCamera camera, ReadOnlySpan<float> depth, Winsorization winsorization, double maxDepth = 80)
    {
        ArgumentNullException.ThrowIfNull(camera);
        ArgumentNullException.ThrowIfNull(winsorization);
        if (depth.Length != camera.Width * camera.Height)
        {
            throw new ArgumentException($"PointCloudGenerator: depth has {depth.Length} pixels, camera {camera.Width} x {camera.Height}.", nameof(depth));
        }

        var xs = new List<float>(depth.Length);
        var ys = new List<float>(depth.Length);
        var zs = new List<float>(depth.Length);
        var minY = winsorization.MaxHeightAboveCamera is { } up ? -up : double.NegativeInfinity;
        var maxRange2 = winsorization.MaxRange is { } r ? r * r : double.PositiveInfinity;
        for (var v = 0; v < camera.Height; v++)
        {
            for (var u = 0; u < camera.Width; u++)
            {
                double d = depth[v * camera.Width + u];
                if (!(d > 0) || d > maxDepth)
                {
                    continue;
                }

                var (x, y, z) = camera.BackProject(u, v, d);
                if (y < minY || x * x + z * z > maxRange2)
                {
                    continue;
                }

                xs.Add((float)x);
                ys.Add((float)y);
                zs.Add((float)z);
            }
        }

        return new PointCloud(xs.ToArray(), ys.ToArray(), zs.ToArray());
    }
}
