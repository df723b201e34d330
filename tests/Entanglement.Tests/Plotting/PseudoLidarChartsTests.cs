using System.Text.Json.Nodes;
using Entanglement.Plotting;
using Entanglement.Scenarios;
using Entanglement.Scenarios.PseudoLidar;
using Entanglement.Tests.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Plotting;

public sealed class PseudoLidarChartsTests
{
    private static DrivingScene TinyScene()
    {
        var camera = StereoCamera.Kitti(8, 8);
        var left = Enumerable.Range(0, 64).Select(i => i / 64f).ToArray();
        var depth = Enumerable.Range(0, 64).Select(i => i < 8 ? float.NaN : 10f).ToArray();
        SceneObject[] objects =
        [
            new(ObjectKind.Car, new Box3D(0, 0.9, 12, 3.9, 1.6, 1.5, 0.2), 0.5, 1),
            new(ObjectKind.Pedestrian, new Box3D(1, 0.8, 6, 0.8, 0.6, 1.75, 0), 0.5, 2),
            new(ObjectKind.Clutter, new Box3D(-3, 0, 20, 1, 1, 3, 0), 0.5, 3),
        ];
        return new DrivingScene(camera, objects, left, (float[])left.Clone(), depth);
    }

    [Fact]
    public void Scene_image_shows_every_pixel_with_row_zero_on_top()
    {
        var scene = TinyScene();
        var figure = JsonNode.Parse(PseudoLidarCharts.SceneImage(scene, "profile test").ToJson())!;
        var z = figure["data"]![0]!["z"]!.AsArray();
        Assert.Equal(8, z.Count);
        Assert.Equal(scene.Left[3 * 8 + 5], (float)z[3]![5]!.GetValue<double>());
        Assert.Equal([7.5, -0.5], figure["layout"]!["yaxis"]!["range"]!.AsArray().Select(n => n!.GetValue<double>()));
    }

    [Fact]
    public void Birds_eye_cloud_back_projects_the_kept_pixels_and_outlines_each_box()
    {
        var scene = TinyScene();
        var figure = JsonNode.Parse(PseudoLidarCharts.BirdsEyeCloud(scene, "profile test").ToJson())!;
        var data = figure["data"]!.AsArray();
        Assert.Equal(3, data.Count); // points, cars, pedestrians: clutter is not drawn as a box

        // Independently: f = 721.5377 · 8 / 1242, cx = cy = 3.5, depth 10 m; rows with y = (v − 3.5)·10 / f < −1 m go.
        var f = 721.5377 * 8 / 1242;
        var expected = new List<(double X, double Z)>();
        for (var v = 1; v < 8; v++)
        {
            for (var u = 0; u < 8; u++)
            {
                if ((v - 3.5) * 10 / f >= -1)
                {
                    expected.Add(((u - 3.5) * 10 / f, 10));
                }
            }
        }

        var x = data[0]!["x"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
        var zs = data[0]!["y"]!.AsArray().Select(n => n!.GetValue<double>()).ToArray();
        Assert.Equal(expected.Count, x.Length);
        Assert.Equal(32, x.Length);
        for (var i = 0; i < x.Length; i++)
        {
            Assert.Equal(expected[i].X, x[i], 5);
            Assert.Equal(expected[i].Z, zs[i], 5);
        }

        var corners = scene.Cars[0].BevCorners();
        var carX = data[1]!["x"]!.AsArray();
        Assert.Equal(6, carX.Count);
        Assert.Equal(corners[2].X, carX[2]!.GetValue<double>(), 12);
        Assert.Equal(corners[0].X, carX[4]!.GetValue<double>(), 12); // closed outline
        Assert.Null(carX[5]); // NaN gap before the next box
    }

    [Fact]
    public void Depth_error_by_range_draws_the_seed_means_with_their_spread()
    {
        var result = Result();
        var figure = JsonNode.Parse(PseudoLidarCharts.DepthErrorByRange(result).ToJson())!;
        var data = figure["data"]!.AsArray();
        Assert.Equal(2, data.Count);
        Assert.Equal((0.4 + 1.4) / 2, data[1]!["y"]![0]!.GetValue<double>(), 12);
        Assert.Equal(Math.Sqrt(0.5), data[1]!["error_y"]!["array"]![0]!.GetValue<double>(), 12);
        Assert.Contains("profile smoke, seeds 0, 1", figure["layout"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Depth_error_by_range_matches_its_snapshot() =>
        Snapshot.Verify(PseudoLidarCharts.DepthErrorByRange(Result()).ToJson(indented: true), "PseudoLidarCharts_DepthErrorByRange", "json");

    [Fact]
    public void Birds_eye_cloud_matches_its_snapshot() =>
        Snapshot.Verify(PseudoLidarCharts.BirdsEyeCloud(TinyScene(), "profile test").ToJson(indented: true), "PseudoLidarCharts_BirdsEyeCloud", "json");

    [Fact]
    public void Tables_carry_every_row_of_the_paper()
    {
        var result = Result();
        var table2 = PseudoLidarCharts.Table2(result);
        Assert.Equal(6, table2.Rows.Length);
        var pedestrianU = result.Section5(DepthSource.DisparityTrained, ObjectKind.Pedestrian, BoxView.Box3D).Mean;
        Assert.Equal(pedestrianU.ToString("F2", System.Globalization.CultureInfo.InvariantCulture), table2.Rows[0][4].Text);
        Assert.Equal(6, PseudoLidarCharts.TableS1(result).Rows.Length);
        Assert.Equal(2, PseudoLidarCharts.Table3(result).Rows.Length); // the sample outcomes carry no medians
        Assert.Equal(result.Comparisons.Count, PseudoLidarCharts.Comparisons(result).Rows.Length);
    }

    private static PseudoLidarCaseStudy.Result Result() =>
        PseudoLidarCaseStudy.Result.Aggregate(PseudoLidarCaseStudy.Config.For(Profile.Smoke) with { Seeds = [0, 1] },
            [SeedOutcomeTests.Sample(0, 0), SeedOutcomeTests.Sample(1, 1)]);
}
