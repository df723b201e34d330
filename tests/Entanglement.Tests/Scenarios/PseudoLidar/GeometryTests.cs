using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class GeometryTests
{
    [Fact]
    public void Kitti_camera_scales_the_focal_length_and_keeps_the_baseline()
    {
        var camera = StereoCamera.Kitti(width: 1242, height: 375);
        Assert.Equal(721.5377, camera.Focal, 6);
        Assert.Equal(0.54, camera.Baseline);
        Assert.Equal(721.5377 * 0.54 / 10, camera.DisparityFromDepth(10), 9);
        Assert.Equal(StereoCamera.Kitti(width: 621, height: 188).Focal * 2, camera.Focal, 9);
    }

    [Theory]
    [InlineData(1.3, -0.4, 12.0)]
    [InlineData(-7.0, 1.65, 45.5)]
    [InlineData(0.0, 0.0, 3.0)]
    public void Projection_and_back_projection_round_trip(double x, double y, double z)
    {
        var camera = StereoCamera.Kitti(width: 320, height: 96);
        var (u, v) = camera.Project(x, y, z);
        var (bx, by, bz) = camera.BackProject(u, v, z);
        Assert.Equal(x, bx, 9);
        Assert.Equal(y, by, 9);
        Assert.Equal(z, bz, 9);
        Assert.Equal(z, camera.DepthFromDisparity(camera.DisparityFromDepth(z)), 9);
    }

    [Fact]
    public void IoU_of_identical_boxes_is_one_and_of_disjoint_boxes_zero()
    {
        var box = new Box3D(1, 0.5, 20, 3.9, 1.6, 1.5, 0.3);
        Assert.Equal(1, BoxOverlap.BevIoU(box, box), 9);
        Assert.Equal(1, BoxOverlap.Iou3D(box, box), 9);
        var far = box with { Z = 30 };
        Assert.Equal(0, BoxOverlap.BevIoU(box, far));
        var above = box with { Y = box.Y - 2 };
        Assert.Equal(1, BoxOverlap.BevIoU(box, above), 9);
        Assert.Equal(0, BoxOverlap.Iou3D(box, above));
    }

    [Fact]
    public void IoU_of_half_overlapping_boxes_matches_hand_computation()
    {
        var a = new Box3D(0, 0, 10, Length: 4, Width: 2, Height: 1, Yaw: 0);
        var b = a with { X = 2, Y = 0.5 };
        // Footprints overlap in a 2 x 2 square: 4 / (8 + 8 - 4); height overlap 0.5: 2 / (8 + 8 - 2).
        Assert.Equal(1.0 / 3, BoxOverlap.BevIoU(a, b), 9);
        Assert.Equal(1.0 / 7, BoxOverlap.Iou3D(a, b), 9);
    }

    [Fact]
    public void IoU_of_square_rotated_45_degrees_matches_the_octagon_area()
    {
        var axis = new Box3D(0, 0, 10, 2, 2, 1, 0);
        var rotated = axis with { Yaw = Math.PI / 4 };
        // Intersection = 4 − 4 corner triangles of legs 2 − √2 = 8√2 − 8; IoU = 1/√2.
        Assert.Equal(8 * Math.Sqrt(2) - 8, BoxOverlap.FootprintIntersection(axis, rotated), 9);
        Assert.Equal(1 / Math.Sqrt(2), BoxOverlap.BevIoU(axis, rotated), 9);
        Assert.Equal(1 / Math.Sqrt(2), BoxOverlap.Iou3D(axis, rotated), 9);
    }

    [Fact]
    public void Box_with_yaw_has_its_length_along_the_heading()
    {
        var box = new Box3D(0, 0, 10, 4, 2, 1, Math.PI / 2);
        Assert.True(box.Contains(0, 0, 11.9));
        Assert.False(box.Contains(1.5, 0, 10));
        Assert.Equal(8, BoxOverlap.PolygonArea(box.BevCorners()), 9);
    }
}
