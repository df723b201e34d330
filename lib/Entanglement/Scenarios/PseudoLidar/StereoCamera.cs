namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// A rectified stereo pair of pinhole cameras with KITTI-like intrinsics (paper, Section 5): camera coordinates
/// have x to the right, y down and z forward; the right camera sits <see cref="Baseline"/> metres to the right of the
/// left one, so a point at depth z has disparity f·b / z pixels.
/// </summary>
public sealed record StereoCamera
{
    /// <summary>KITTI's focal length in pixels for its 1242-pixel-wide images.</summary>
    public const double KittiFocal = 721.5377;

    /// <summary>KITTI's image width in pixels.</summary>
    public const int KittiWidth = 1242;

    /// <summary>KITTI's stereo baseline in metres.</summary>
    public const double KittiBaseline = 0.54;

    /// <summary>KITTI's camera height above the road in metres.</summary>
    public const double KittiCameraHeight = 1.65;

    /// <summary>Image width in pixels.</summary>
    public required int Width { get; init; }

    /// <summary>Image height in pixels.</summary>
    public required int Height { get; init; }

    /// <summary>Focal length in pixels (same horizontally and vertically).</summary>
    public required double Focal { get; init; }

    /// <summary>Principal point, column.</summary>
    public required double Cx { get; init; }

    /// <summary>Principal point, row.</summary>
    public required double Cy { get; init; }

    /// <summary>Distance between the two cameras in metres.</summary>
    public required double Baseline { get; init; }

    /// <summary>Height of the cameras above the ground plane in metres (the ground is the plane y = this).</summary>
    public required double MountHeight { get; init; }

    /// <summary>The camera constant C = f·b of g(d) = C / d (paper, Section 5.1).</summary>
    public double DisparityConstant => Focal * Baseline;

    /// <summary>KITTI's intrinsics with the focal length scaled from 1242 pixels to <paramref name="width"/>.</summary>
    public static StereoCamera Kitti(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 8, nameof(width));
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 8, nameof(height));
        return new StereoCamera
        {
            Width = width,
            Height = height,
            Focal = KittiFocal * width / KittiWidth,
            Cx = (width - 1) / 2.0,
            Cy = (height - 1) / 2.0,
            Baseline = KittiBaseline,
            MountHeight = KittiCameraHeight,
        };
    }

    /// <summary>Disparity in pixels of a point at <paramref name="depth"/> metres: f·b / depth.</summary>
    public double DisparityFromDepth(double depth) => DisparityConstant / depth;

    /// <summary>Depth in metres of a pixel with <paramref name="disparity"/>: f·b / disparity.</summary>
    public double DepthFromDisparity(double disparity) => DisparityConstant / disparity;

    /// <summary>Projects a camera-frame point into the left image: (u, v) = (f·x/z + cx, f·y/z + cy).</summary>
    public (double U, double V) Project(double x, double y, double z)
    {
        if (z <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(z), z, "Project: the point must be in front of the camera.");
        }

        return (Focal * x / z + Cx, Focal * y / z + Cy);
    }

    /// <summary>Back-projects left-image pixel (u, v) at <paramref name="depth"/> to camera coordinates.</summary>
    public (double X, double Y, double Z) BackProject(double u, double v, double depth) =>
        ((u - Cx) * depth / Focal, (v - Cy) * depth / Focal, depth);
}
