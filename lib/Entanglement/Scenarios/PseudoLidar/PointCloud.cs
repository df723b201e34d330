namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>A pseudo-LiDAR point cloud in camera coordinates (x right, y down, z forward), one entry per point.</summary>
public sealed record PointCloud(float[] X, float[] Y, float[] Z)
{
    /// <summary>Number of points.</summary>
    public int Count => X.Length;
}
