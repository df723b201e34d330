using Entanglement.Scenarios;
using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Tests.Scenarios.PseudoLidar;

public sealed class DetectorTests
{
    [Fact]
    public void Bev_grid_encodes_counts_and_heights_per_cell()
    {
        var grid = new BevGrid(-2, 2, 0, 4, 1);
        var cloud = new PointCloud([0.5f, 0.6f, -1.5f], [0.65f, 1.65f, 1.0f], [2.5f, 2.2f, 0.1f]);
        var x = grid.Encode(cloud, groundY: 1.65);
        var plane = grid.Rows * grid.Cols;
        var cell = 2 * grid.Cols + 2; // z in [2, 3), x in [0, 1)
        Assert.Equal(MathF.Log(3) / 3, x[cell], 6);
        Assert.Equal(1.0f / 2, x[plane + cell], 6); // highest point 1 m above the ground
        Assert.Equal(0.5f / 2, x[2 * plane + cell], 6); // mean height 0.5 m
        Assert.Equal(0.5f, x[3 * plane + cell], 6); // one of two points above 0.3 m
        Assert.Equal(0f, x[cell + 1]);
    }

    [Fact]
    public void Regression_targets_decode_back_to_the_box()
    {
        var settings = DetectorPresets.Car;
        var box = new Box3D(1.3, 0.9, 23.4, 4.1, 1.7, 1.45, 0.3);
        var cell = settings.Grid.CellCentre(46, 26);
        var encoded = DetectionTargets.Encode(box, cell, settings.Grid.Cell, settings, 1.65);
        var decoded = DetectionTargets.Decode([0f, .. encoded], cell, settings.Grid.Cell, settings, 1.65);
        Assert.Equal(1, BoxOverlap.Iou3D(box, decoded), 5);
    }

    [Fact]
    public void Smoke_case_study_fills_every_table()
    {
        var config = PseudoLidarCaseStudy.Config.For(Profile.Smoke) with { TrainScenes = 2, TestScenes = 1 };
        var result = PseudoLidarCaseStudy.Run(config);
        Assert.Equal(2, result.DepthByRange.Count);
        Assert.All(result.DepthByRange, r => Assert.Equal(5, r.BinMean.Count));
        Assert.Equal(12, result.Table2.Count);
        Assert.Equal(6, result.TableS1.Count);
        Assert.All(result.Table2.Concat(result.TableS1), r => Assert.InRange(r.Mean, 0, 100));
        Assert.Equal(9, result.Comparisons.Count);
        Assert.Contains("profile smoke", result.Summary, StringComparison.Ordinal);
    }
}
