using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class HeadingFitTests
{
    private const double Ground = 1.65;

    /// <summary>Points on the faces of <paramref name="box"/> the camera at the origin sees (rays to face samples that hit no other face first).</summary>
    private static PointCloud VisibleFaces(Box3D box, double step = 0.05)
    {
        var xs = new List<float>();
        var ys = new List<float>();
        var zs = new List<float>();
        double c = Math.Cos(box.Yaw), s = Math.Sin(box.Yaw);
        // The four faces as (outward normal in the box frame, sample along the face).
        foreach (var (na, nw) in new[] { (1.0, 0.0), (-1.0, 0.0), (0.0, 1.0), (0.0, -1.0) })
        {
            double faceA = na * box.Length / 2, faceW = nw * box.Width / 2;
            // Face centre and outward normal in the world.
            double fx = box.X + faceA * c - faceW * s, fz = box.Z + faceA * s + faceW * c;
            double nx = na * c - nw * s, nz = na * s + nw * c;
            if (nx * -fx + nz * -fz <= 0)
            {
                continue; // facing away from the camera
            }

            var half = na != 0 ? box.Width / 2 : box.Length / 2;
            for (var t = -half; t <= half + 1e-9; t += step)
            {
                double ta = na != 0 ? 0 : t, tw = na != 0 ? t : 0;
                double px = fx + ta * c - tw * s, pz = fz + ta * s + tw * c;
                for (var h = 0.3; h <= box.Height - 0.05; h += 0.1)
                {
                    xs.Add((float)px);
                    ys.Add((float)(Ground - h));
                    zs.Add((float)pz);
                }
            }
        }

        return new PointCloud([.. xs], [.. ys], [.. zs]);
    }

    [Theory]
    [InlineData(6.0, 15.0, 0.35, -0.2)]
    [InlineData(-5.0, 25.0, -0.1, 0.25)]
    [InlineData(0.0, 30.0, 0.0, 0.15)]
    public void Closeness_fit_turns_a_misheaded_proposal_onto_the_seen_faces(double x, double z, double turn, double error)
    {
        var truth = new Box3D(x, Ground - 0.75, z, 3.9, 1.6, 1.5, Math.PI / 2 + turn);
        var cloud = VisibleFaces(truth);
        var proposal = truth with { Yaw = truth.Yaw + error };
        var refined = BoxRefinement.Refine(proposal, cloud, Ground, 0.7, HeadingFit.Closeness, out _, out var top);
        Assert.InRange(refined.Yaw - truth.Yaw, -0.02, 0.02);
        // Not 1: with two faces seen, the robust extremes (5 % quantiles) are lopsided and the centre moves ~0.1 m.
        Assert.True(BoxOverlap.Iou3D(refined, truth) > 0.78, $"IoU {BoxOverlap.Iou3D(refined, truth)}");
        Assert.True(BoxOverlap.Iou3D(refined, truth) > BoxOverlap.Iou3D(proposal, truth));
        Assert.InRange(top, 1.3, 1.45);
    }

    [Fact]
    public void A_proposal_a_quarter_turn_off_is_turned_so_its_length_runs_along_the_long_seen_face()
    {
        // A car parked across the road (heading 0.3 rad) proposed with the usual heading π/2 + 0.1: its long side
        // faces the camera, so the length must run along it.
        var truth = new Box3D(-3, Ground - 0.75, 22, 3.9, 1.6, 1.5, 0.3);
        var proposal = truth with { Yaw = Math.PI / 2 + 0.1, X = -2.8, Z = 22.3 };
        var refined = BoxRefinement.Refine(proposal, VisibleFaces(truth), Ground, 0.7, HeadingFit.Closeness, Math.PI / 4, out _, out _);
        var error = Math.Abs(refined.Yaw - truth.Yaw) % Math.PI;
        Assert.True(Math.Min(error, Math.PI - error) < 0.02, $"heading error {error}");
        Assert.True(BoxOverlap.Iou3D(refined, truth) > 0.75, $"IoU {BoxOverlap.Iou3D(refined, truth)}");
        // The minimum-area fit searches ±0.2 rad only and leaves it across.
        Assert.True(BoxOverlap.Iou3D(BoxRefinement.Refine(proposal, VisibleFaces(truth), Ground, 0.7), truth) < 0.5);
    }

    [Fact]
    public void Closeness_turn_is_zero_for_points_already_on_an_axis_aligned_L()
    {
        // An L: 20 points along the along-axis at across = 0, 10 along the across-axis at along = 0.
        var along = Enumerable.Range(0, 20).Select(i => i * 0.2).Concat(Enumerable.Repeat(0.0, 10)).ToList();
        var across = Enumerable.Repeat(0.0, 20).Concat(Enumerable.Range(1, 10).Select(i => i * 0.15)).ToList();
        Assert.Equal(0, BoxRefinement.ClosenessTurn(along, across), 9);
    }

    [Fact]
    public void Robust_top_reports_how_tall_the_points_are()
    {
        // A bush 1.0 m tall: its points top out near 1 m, below a car's 1.5 m.
        var bush = new Box3D(10, Ground - 0.5, 20, 1.5, 1.2, 1.0, 0.3);
        BoxRefinement.Refine(bush with { Length = 3.9, Width = 1.6, Height = 1.5 }, VisibleFaces(bush), Ground, 0.7, HeadingFit.Closeness, out _, out var top);
        Assert.InRange(top, 0.8, 1.0);
    }
}
