using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class PointCloudTests
{
    private static readonly StereoCamera Camera = StereoCamera.Kitti(width: 16, height: 8);

    [Fact]
    public void Back_projects_each_valid_pixel_with_the_intrinsics()
    {
        var depth = Enumerable.Repeat(float.NaN, 16 * 8).ToArray();
        depth[3 * 16 + 5] = 12;
        var cloud = PointCloudGenerator.Generate(Camera, depth, Winsorization.None);
        Assert.Equal(1, cloud.Count);
        Assert.Equal((5 - Camera.Cx) * 12 / Camera.Focal, cloud.X[0], 4);
        Assert.Equal((3 - Camera.Cy) * 12 / Camera.Focal, cloud.Y[0], 4);
        Assert.Equal(12, cloud.Z[0]);
    }

    [Fact]
    public void Winsorization_drops_high_points_and_for_pedestrians_far_points()
    {
        var depth = new float[16 * 8];
        Array.Fill(depth, float.NaN);
        // Row 0 at depth 50 is (0 − cy)·50 / f ≈ −3.5·50/9.3 m: far above 1 m over the camera.
        depth[0 * 16 + 8] = 50;
        depth[7 * 16 + 8] = 30; // below the camera, 30 m away
        depth[7 * 16 + 9] = 10; // below the camera, 10 m away
        Assert.Equal(3, PointCloudGenerator.Generate(Camera, depth, Winsorization.None).Count);
        Assert.Equal(2, PointCloudGenerator.Generate(Camera, depth, Winsorization.Cars).Count);
        var pedestrians = PointCloudGenerator.Generate(Camera, depth, Winsorization.Pedestrians);
        Assert.Equal(1, pedestrians.Count);
        Assert.Equal(10, pedestrians.Z[0]);
    }

    [Fact]
    public void Points_beyond_the_maximum_depth_and_invalid_pixels_are_skipped()
    {
        var depth = new float[16 * 8];
        depth[0] = 100;
        depth[1] = -1;
        depth[2] = 5;
        Assert.Equal(1, PointCloudGenerator.Generate(Camera, depth, Winsorization.None, maxDepth: 80).Count);
    }
}
