using System.Text.Json;
using Entanglement.Plotting;

namespace Entanglement.Tests.Plotting;

public sealed class ChartsTests
{
    [Fact]
    public void MeanBand_matches_snapshot() =>
        Snapshot.Verify(SampleFigures.MeanBand().ToJson(indented: true), "Charts_MeanBand", "json");

    [Fact]
    public void UpstreamVsDownstream_matches_snapshot() =>
        Snapshot.Verify(SampleFigures.UpstreamVsDownstream().ToJson(indented: true), "Charts_UpstreamVsDownstream", "json");

    [Fact]
    public void Heatmap_matches_snapshot() =>
        Snapshot.Verify(SampleFigures.Heatmap().ToJson(indented: true), "Charts_Heatmap", "json");

    [Fact]
    public void GroupedBars_matches_snapshot() =>
        Snapshot.Verify(SampleFigures.GroupedBars().ToJson(indented: true), "Charts_GroupedBars", "json");

    [Fact]
    public void ScatterByClass_matches_snapshot() =>
        Snapshot.Verify(SampleFigures.ScatterByClass().ToJson(indented: true), "Charts_ScatterByClass", "json");

    [Fact]
    public void SideBySide_matches_snapshot() =>
        Snapshot.Verify(SideBySide().ToJson(indented: true), "Charts_SideBySide", "json");

    [Fact]
    public void MeanBand_edges_are_mean_minus_and_plus_sd_with_the_upper_filled_to_the_lower()
    {
        var data = JsonDocument.Parse(SampleFigures.MeanBand().ToJson()).RootElement.GetProperty("data");

        Assert.Equal(6, data.GetArrayLength());
        var lower = data[0].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        var upper = data[1].GetProperty("y").EnumerateArray().Select(v => v.GetDouble()).ToArray();
        Assert.Equal([0.28, 0.19, 0.07], lower, new ToleranceComparer(1e-12));
        Assert.Equal([0.32, 0.21, 0.13], upper, new ToleranceComparer(1e-12));
        Assert.False(data[1].TryGetProperty("showlegend", out var show) && show.GetBoolean());
        Assert.Equal("tonexty", data[1].GetProperty("fill").GetString());
        Assert.Equal("rgba(31,119,180,0.2)", data[1].GetProperty("fillcolor").GetString());
        Assert.Equal("upstream", data[2].GetProperty("name").GetString());
        Assert.All([data[0], data[1], data[2]], t => Assert.Equal("upstream", t.GetProperty("legendgroup").GetString()));
    }

    [Fact]
    public void UpstreamVsDownstream_puts_upstream_left_and_downstream_on_the_right_axis()
    {
        var figure = SampleFigures.UpstreamVsDownstream();

        Assert.Null(figure.Data[0].YAxis);
        Assert.Equal(AxisId.Y2, figure.Data[1].YAxis);
        Assert.Equal("upstream test loss", figure.Layout.YAxis?.Title?.Text);
        Assert.Equal("downstream test loss", figure.Layout.YAxis2?.Title?.Text);
        Assert.Equal(AxisSide.Right, figure.Layout.YAxis2?.Side);
        Assert.Equal(SampleFigures.Caption, figure.Layout.Title?.Subtitle?.Text);
    }

    [Fact]
    public void SideBySide_renumbers_axes_and_shows_each_name_once_in_the_legend()
    {
        var figure = SideBySide();

        Assert.Equal([AxisId.X, AxisId.Y, AxisId.X2, AxisId.Y2, AxisId.OfY(3), AxisId.OfY(4)], figure.Layout.Axes.Keys);
        Assert.Equal(AxisId.OfY(3), figure.Layout.Axes[AxisId.OfY(4)].Overlaying);
        Assert.Equal(AxisId.X2, figure.Layout.Axes[AxisId.OfY(4)].Anchor);
        Assert.Equal([AxisId.X2, AxisId.X2], figure.Data.Skip(2).Select(t => t.XAxis));
        Assert.Equal([AxisId.OfY(3), AxisId.OfY(4)], figure.Data.Skip(2).Select(t => t.YAxis));
        Assert.Equal([null, null, false, false], figure.Data.Select(t => t.ShowLegend));
        Assert.Equal(["(a) r", "(b) p"], figure.Layout.Annotations?.Select(a => a.Text));
        Assert.Equal([0.0, 0.4], figure.Layout.XAxis?.Domain);
        Assert.Equal([0.6, 1.0], figure.Layout.Axes[AxisId.X2].Domain);
    }

    [Fact]
    public void BandSeries_from_samples_uses_the_sample_standard_deviation()
    {
        var series = BandSeries.FromSamples("loss", [1.0, 2.0], [[1.0, 2.0, 3.0], [5.0]]);

        Assert.Equal([2.0, 5.0], series.Mean);
        Assert.Equal([1.0, 0.0], series.Sd);
    }

    [Fact]
    public void Chart_inputs_of_wrong_length_are_rejected()
    {
        var bad = new BandSeries("bad", [0.0, 1.0], [0.5], [0.1, 0.1]);

        Assert.Throws<ArgumentException>(() => Charts.MeanBand([bad], "t", "x", "y", "c"));
        Assert.Throws<ArgumentException>(() => Charts.Heatmap([[1.0]], new[] { 1.0, 2.0 }, new[] { 1.0 }, "t", "x", "y", "z", "c"));
        Assert.Throws<ArgumentException>(() => Charts.GroupedBars(["a"], [new BarSeries("s", [1.0, 2.0])], "t", "x", "y", "c"));
    }

    private static Figure SideBySide()
    {
        var left = Charts.UpstreamVsDownstream(SampleFigures.Upstream, SampleFigures.Downstream, "(a) r", "r", SampleFigures.Caption);
        var right = Charts.UpstreamVsDownstream(SampleFigures.Upstream, SampleFigures.Downstream, "(b) p", "p", SampleFigures.Caption);
        return Charts.SideBySide([left, right], "Figure 4", SampleFigures.Caption);
    }

    private sealed class ToleranceComparer(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
