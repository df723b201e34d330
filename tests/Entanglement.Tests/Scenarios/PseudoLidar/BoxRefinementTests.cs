using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class BoxRefinementTests
{
    private const double Ground = 1.65;

    [Fact]
    public void A_car_seen_from_behind_is_recentred_on_its_rear_face()
    {
        // Car at (0, 20) heading along z (yaw π/2), 3.9 m long: its rear face is the line z = 18.05, x ∈ [−0.8, 0.8].
        var truth = new Box3D(0, Ground - 0.75, 20, 3.9, 1.6, 1.5, Math.PI / 2);
        var xs = new List<float>();
        var ys = new List<float>();
        var zs = new List<float>();
        for (var x = -0.8; x <= 0.8001; x += 0.05)
        {
            for (var h = 0.3; h <= 1.4; h += 0.1)
            {
                xs.Add((float)x);
                ys.Add((float)(Ground - h));
                zs.Add(18.05f);
            }
        }

        var proposal = truth with { X = 0.25, Z = 20.3 };
        var refined = BoxRefinement.Refine(proposal, new PointCloud([.. xs], [.. ys], [.. zs]), Ground, 0.7, out var span);
        Assert.InRange(refined.X, -0.05, 0.05);
        Assert.InRange(refined.Z, 19.95, 20.05);
        Assert.InRange(span, 1.4, 1.7);
        Assert.True(BoxOverlap.Iou3D(refined, truth) > 0.9);
    }

    [Fact]
    public void Too_few_points_leave_the_proposal_unchanged()
    {
        var proposal = new Box3D(1, Ground - 0.75, 30, 3.9, 1.6, 1.5, Math.PI / 2);
        var refined = BoxRefinement.Refine(proposal, new PointCloud([1f], [1f], [28.5f]), Ground, 0.7, out var span);
        Assert.Equal(proposal, refined);
        Assert.Equal(0, span);
    }

    [Fact]
    public void Keypoint_is_where_the_ray_to_the_centre_enters_the_footprint()
    {
        // Straight ahead, heading along z: the rear face's centre, half a length nearer.
        var (x, z) = DetectionTargets.Keypoint(new Box3D(0, 0, 20, 4, 2, 1.5, Math.PI / 2));
        Assert.Equal(0, x, 9);
        Assert.Equal(18, z, 9);
        // Broadside (heading along x) at (0, 20): the near long side, half a width nearer.
        (x, z) = DetectionTargets.Keypoint(new Box3D(0, 0, 20, 4, 2, 1.5, 0));
        Assert.Equal(19, z, 9);
    }

    [Fact]
    public void Mirroring_a_grid_twice_is_the_identity_and_negates_the_x_offsets()
    {
        var grid = new BevGrid(-2, 2, 0, 4, 1);
        var cloud = new PointCloud([-1.3f, 0.4f, 1.9f], [1f, 0.5f, 0f], [0.2f, 1.7f, 3.1f]);
        var encoded = grid.Encode(cloud, 1.65);
        var mirrored = grid.MirrorX(encoded);
        Assert.Equal(encoded, grid.MirrorX(mirrored));
        var mirroredCloud = new PointCloud([1.3f, -0.4f, -1.9f], cloud.Y, cloud.Z);
        var direct = grid.Encode(mirroredCloud, 1.65);
        for (var i = 0; i < direct.Length; i++)
        {
            Assert.Equal(direct[i], mirrored[i], 5);
        }
    }
}
