using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Plotting;

/// <summary>
/// Charts and tables of the pseudo-LiDAR case studies (paper, Section 5 and Appendix A): one scene as the camera,
/// the ground-truth depth and the bird's-eye point cloud see it, Table 3 by range, Tables 2 and S1, and the Welch
/// comparisons. Every caption states the profile and seeds.
/// </summary>
public static class PseudoLidarCharts
{
    /// <summary>Most points drawn in a bird's-eye cloud; denser clouds keep every k-th point (deterministic).</summary>
    public const int MaxCloudPoints = 4000;

    /// <summary>The left camera image of a scene (grayscale, image row 0 at the top).</summary>
    public static Figure SceneImage(DrivingScene scene, string caption)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return Picture(scene.Camera, scene.Left, "Left camera image", "intensity", ColorScale.Named("Greys"), caption, 0, 1);
    }

    /// <summary>The ground-truth depth map of a scene (metres; sky and pixels beyond the range are gaps).</summary>
    public static Figure SceneDepth(DrivingScene scene, string caption)
    {
        ArgumentNullException.ThrowIfNull(scene);
        return Picture(scene.Camera, scene.Depth, "Ground-truth depth y", "depth (m)", ColorScale.Viridis, caption, null, null);
    }

    /// <summary>
    /// The bird's-eye view of the scene's oracle point cloud (r applied to the ground-truth depth, winsorized as for
    /// cars: nothing more than 1 m above the camera), with the ground-truth car and pedestrian footprints.
    /// </summary>
    public static Figure BirdsEyeCloud(DrivingScene scene, string caption, double maxDepth = 80)
    {
        ArgumentNullException.ThrowIfNull(scene);
        var cloud = PointCloudGenerator.Generate(scene.Camera, scene.Depth, Winsorization.Cars, maxDepth);
        var step = Math.Max(1, (cloud.Count + MaxCloudPoints - 1) / MaxCloudPoints);
        var kept = Enumerable.Range(0, cloud.Count).Where(i => i % step == 0).ToArray();
        var traces = new List<Trace>
        {
            Scatter.MarkersOf(Values.Of(kept.Select(i => (double)cloud.X[i])), Values.Of(kept.Select(i => (double)cloud.Z[i])),
                "pseudo-LiDAR points (oracle depth)") with
            {
                Marker = new Marker { Color = "#9e9e9e", Size = 2, Opacity = 0.6 },
                HoverInfo = "skip",
            },
        };
        foreach (var (kind, color) in new[] { (ObjectKind.Car, Palette.Color(0)), (ObjectKind.Pedestrian, Palette.Color(1)) })
        {
            // One trace per kind: closed footprints separated by NaN gaps.
            var x = new List<double>();
            var z = new List<double>();
            foreach (var box in scene.BoxesOf(kind))
            {
                var corners = box.BevCorners();
                x.AddRange(corners.Select(c => c.X).Append(corners[0].X).Append(double.NaN));
                z.AddRange(corners.Select(c => c.Z).Append(corners[0].Z).Append(double.NaN));
            }

            traces.Add(Scatter.LineOf(Values.Of(x), Values.Of(z), kind == ObjectKind.Car ? "cars (ground truth)" : "pedestrians (ground truth)") with
            {
                Line = new Line { Color = color, Width = 2 },
            });
        }

        return Figure.Of(traces)
            .WithTitle("Bird's-eye view: point cloud and ground-truth boxes", caption)
            .WithXAxis("x (m, right)")
            .WithAxis(AxisId.Y, Axis.Titled("z (m, forward)") with { ScaleAnchor = AxisId.X, ScaleRatio = 1 })
            .WithLegend(Legend.Below);
    }

    /// <summary>Table 3 as a chart: depth MAE of u and u′ per ground-truth range bin, mean ± sd over seeds.</summary>
    public static Figure DepthErrorByRange(PseudoLidarCaseStudy.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var series = result.DepthByRange.Select(r => new BarSeries(
            $"{r.Model} (trained with {LossName(r.TrainedWith)})", [.. r.BinMean], [.. r.BinSd.Select(ZeroIfNaN)]));
        return Charts.GroupedBars([.. result.RangeBins.Select(b => b + " m")], series,
            "Table 3: depth MAE of u and u' by range", "ground-truth depth", "depth MAE (m)", Caption(result));
    }

    /// <summary>
    /// Table 3: depth MAE per range bin and overall, with disparity MAE (Appendix A's test loss); then, per model, the
    /// median absolute depth error per bin.
    /// </summary>
    public static Table Table3(PseudoLidarCaseStudy.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var columns = new List<TableColumn> { new("model"), new("trained with") };
        columns.AddRange(result.RangeBins.Select(b => new TableColumn($"{b} m", "F3")));
        columns.Add(new TableColumn("0-max m", "F3"));
        columns.Add(new TableColumn("sd", "F3"));
        columns.Add(new TableColumn("disparity MAE px", "F3"));
        var table = Table.Of([.. columns]).WithCaption(Caption(result) + ". Depth MAE in metres, mean over seeds.");
        foreach (var r in result.DepthByRange)
        {
            table = table.WithRow([r.Model, LossName(r.TrainedWith), .. r.BinMean.Cast<object?>(), r.OverallMean, r.OverallSd, r.DisparityMaeMean]);
        }

        // The typical pixel: a few percent of gross outliers can carry a bin's mean.
        foreach (var r in result.DepthByRange.Where(r => r.BinMedianMean.Count == result.RangeBins.Count && r.BinMedianMean.Any(double.IsFinite)))
        {
            table = table.WithRow([$"{r.Model} (median |error|)", LossName(r.TrainedWith), .. r.BinMedianMean.Cast<object?>(), null, null, null]);
        }

        return table;
    }

    /// <summary>Table 2: AP_3D and AP_BEV (percent, mean ± sd over seeds) for cars and pedestrians with u, u′ and the oracle y.</summary>
    public static Table Table2(PseudoLidarCaseStudy.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = Table.Of(new TableColumn("view"), new TableColumn("depth"), new TableColumn("car AP", "F2"), new TableColumn("sd", "F2"),
            new TableColumn("pedestrian AP", "F2"), new TableColumn("sd", "F2")).WithCaption(Caption(result) + ". Cars IoU 0.7, pedestrians IoU 0.5 (within 20 m), 40 recall points.");
        foreach (var view in new[] { BoxView.Box3D, BoxView.BirdsEye })
        {
            foreach (var source in Enum.GetValues<DepthSource>())
            {
                var car = result.Section5(source, ObjectKind.Car, view);
                var ped = result.Section5(source, ObjectKind.Pedestrian, view);
                table = table.WithRow(ViewName(view), car.Model, car.Mean, car.Sd, ped.Mean, ped.Sd);
            }
        }

        return table;
    }

    /// <summary>Table S1 (Appendix A): all-range pedestrian detector on non-winsorized clouds, pruned to 20 m; u is depth-MAE-trained.</summary>
    public static Table TableS1(PseudoLidarCaseStudy.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = Table.Of(new TableColumn("view"), new TableColumn("depth"), new TableColumn("trained with"),
            new TableColumn("pedestrian AP", "F2"), new TableColumn("sd", "F2")).WithCaption(Caption(result) + ". Pedestrians IoU 0.5, 40 recall points.");
        foreach (var row in result.TableS1)
        {
            var trained = row.Source switch
            {
                DepthSource.DepthTrained => LossName(DepthLoss.DepthMae),
                DepthSource.DisparityTrained => LossName(DepthLoss.DisparityMae),
                _ => "(ground truth)",
            };
            table = table.WithRow(ViewName(row.View), row.Model, trained, row.Mean, row.Sd);
        }

        return table;
    }

    /// <summary>Every test loss before and after the upstream update, with Welch's two-sided p over seeds.</summary>
    public static Table Comparisons(PseudoLidarCaseStudy.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = Table.Of(new TableColumn("test loss"), new TableColumn("before (u)", "F3"), new TableColumn("after (u')", "F3"),
            new TableColumn("change"), new TableColumn("Welch p", "F3")).WithCaption(Caption(result));
        foreach (var c in result.Comparisons)
        {
            table = table.WithRow(c.Name, c.Test.Before.Mean, c.Test.After.Mean, c.GotWorse ? "worse" : "better or equal", c.Test.PValue);
        }

        return table;
    }

    private static Figure Picture(StereoCamera camera, float[] pixels, string title, string scale, ColorScale colors, string caption, double? zMin, double? zMax)
    {
        ArgumentNullException.ThrowIfNull(caption);
        int h = camera.Height, w = camera.Width;
        var z = Enumerable.Range(0, h).Select(v => (IReadOnlyList<double>)[.. Enumerable.Range(0, w).Select(u => (double)pixels[v * w + u])]).ToArray();
        var trace = new Heatmap
        {
            Z = z,
            X = Values.Of(Enumerable.Range(0, w)),
            Y = Values.Of(Enumerable.Range(0, h)),
            ColorScale = colors,
            ColorBar = new ColorBar { Title = new Title(scale) },
            ZMin = zMin,
            ZMax = zMax,
        };
        // Image rows grow downwards: a reversed y range puts row 0 at the top.
        return Figure.Of(trace)
            .WithTitle(title, caption)
            .WithXAxis("image column u")
            .WithAxis(AxisId.Y, Axis.Titled("image row v") with { Range = [h - 0.5, -0.5], ScaleAnchor = AxisId.X, ScaleRatio = 1 });
    }

    private static string Caption(PseudoLidarCaseStudy.Result result) => $"{result.Provenance}. {result.Config.Describe()}";

    private static string LossName(DepthLoss loss) => loss == DepthLoss.DisparityMae ? "disparity MAE" : "depth MAE";

    private static string ViewName(BoxView view) => view == BoxView.Box3D ? "AP_3D" : "AP_BEV";

    private static double ZeroIfNaN(double value) => double.IsNaN(value) ? 0 : value;
}
