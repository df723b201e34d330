using System.Text.Json;
using Entanglement.Plotting;

namespace Entanglement.Tests.Plotting;

public sealed class FigureJsonTests
{
    private static JsonElement Parse(Figure figure) => JsonDocument.Parse(FigureJson.Serialize(figure)).RootElement;

    [Fact]
    public void Figure_has_data_layout_and_config_with_the_default_config()
    {
        var root = Parse(Figure.Of(Scatter.LineOf(new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 }, "a")));

        Assert.Equal(["data", "layout", "config"], root.EnumerateObject().Select(p => p.Name));
        Assert.True(root.GetProperty("config").GetProperty("responsive").GetBoolean());
        Assert.False(root.GetProperty("config").GetProperty("displaylogo").GetBoolean());
    }

    [Fact]
    public void Scatter_uses_plotly_attribute_names_and_omits_nulls()
    {
        var trace = Scatter.LineOf(new[] { 1.0, 2.0 }, new[] { 3.0, 4.0 }, "a") with
        {
            Mode = ScatterMode.LinesMarkers,
            YAxis = AxisId.Y2,
            XAxis = AxisId.X2,
            ShowLegend = false,
            LegendGroup = "g",
            Fill = Fill.ToNextY,
            FillColor = "rgba(1,2,3,0.2)",
            Line = new Line { Dash = Dash.LongDash, Color = "#000000" },
            ErrorY = ErrorBars.FromData([0.5, 0.25]),
            HoverText = ["p", "q"],
        };

        var json = Parse(Figure.Of(trace)).GetProperty("data")[0];

        Assert.Equal(
            ["type", "name", "mode", "x", "y", "hovertext", "line", "fill", "fillcolor", "error_y", "xaxis", "yaxis", "showlegend", "legendgroup"],
            json.EnumerateObject().Select(p => p.Name));
        Assert.Equal("scatter", json.GetProperty("type").GetString());
        Assert.Equal("lines+markers", json.GetProperty("mode").GetString());
        Assert.Equal("y2", json.GetProperty("yaxis").GetString());
        Assert.Equal("x2", json.GetProperty("xaxis").GetString());
        Assert.Equal("tonexty", json.GetProperty("fill").GetString());
        Assert.Equal("longdash", json.GetProperty("line").GetProperty("dash").GetString());
        Assert.Equal("data", json.GetProperty("error_y").GetProperty("type").GetString());
        Assert.Equal(0.25, json.GetProperty("error_y").GetProperty("array")[1].GetDouble());
    }

    [Fact]
    public void Layout_writes_axes_by_plotly_key_with_a_right_hand_second_y_axis()
    {
        var figure = Figure.Of(Scatter.LineOf(new[] { 1.0 }, new[] { 2.0 }))
            .WithTitle("T", "caption")
            .WithXAxis("r", AxisType.Log)
            .WithYAxis("upstream")
            .WithSecondYAxis("downstream")
            .WithSize(600, 400);

        var layout = Parse(figure).GetProperty("layout");

        Assert.Equal(["title", "xaxis", "yaxis", "yaxis2", "margin", "width", "height"], layout.EnumerateObject().Select(p => p.Name));
        Assert.Equal("caption", layout.GetProperty("title").GetProperty("subtitle").GetProperty("text").GetString());
        Assert.Equal("log", layout.GetProperty("xaxis").GetProperty("type").GetString());
        Assert.Equal("r", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        var y2 = layout.GetProperty("yaxis2");
        Assert.Equal("y", y2.GetProperty("overlaying").GetString());
        Assert.Equal("right", y2.GetProperty("side").GetString());
    }

    [Fact]
    public void Heatmap_writes_z_colorbar_and_nan_as_null()
    {
        var layout = Parse(SampleFigures.Heatmap());
        var trace = layout.GetProperty("data")[0];

        Assert.Equal("heatmap", trace.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Null, trace.GetProperty("z")[0][2].ValueKind);
        Assert.Equal("Viridis", trace.GetProperty("colorscale").GetString());
        Assert.Equal("Δ downstream loss", trace.GetProperty("colorbar").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal(0, trace.GetProperty("zmin").GetDouble());
        Assert.Equal(1, trace.GetProperty("zmax").GetDouble());
        Assert.Equal("category", layout.GetProperty("layout").GetProperty("yaxis").GetProperty("type").GetString());
    }

    [Fact]
    public void Explicit_color_scale_is_written_as_stop_colour_pairs()
    {
        var trace = new Heatmap { Z = [[1.0]], ColorScale = ColorScale.Of((0, "#ffffff"), (1, "#000000")) };

        var json = FigureJson.Serialize(Figure.Of(trace));

        Assert.Contains("\"colorscale\":[[0,\"#ffffff\"],[1,\"#000000\"]]", json, StringComparison.Ordinal);
    }

    [Fact]
    public void Serialization_is_deterministic_and_escapes_markup()
    {
        var first = FigureJson.Serialize(SampleFigures.MeanBand().WithTitle("<b>a & b</b>"), indented: true);
        var second = FigureJson.Serialize(SampleFigures.MeanBand().WithTitle("<b>a & b</b>"), indented: true);

        Assert.Equal(first, second);
        Assert.DoesNotContain("<b>", first, StringComparison.Ordinal);
        Assert.Contains("\\u003Cb\\u003E", first, StringComparison.Ordinal);
        Assert.DoesNotContain("\r", first, StringComparison.Ordinal);
    }

    [Fact]
    public void Figures_are_immutable_values_and_copy_their_inputs()
    {
        var x = new[] { 1.0, 2.0 };
        var original = Figure.Of(Scatter.LineOf(x, new[] { 3.0, 4.0 }));
        var before = original.ToJson();

        var titled = original.WithTitle("t");
        x[0] = 99;

        Assert.Equal(before, original.ToJson());
        Assert.Null(original.Layout.Title);
        Assert.Equal("t", titled.Layout.Title?.Text);
    }

    [Fact]
    public void Mismatched_lengths_are_rejected_with_the_trace_name()
    {
        var error = Assert.Throws<ArgumentException>(() => Scatter.LineOf(new[] { 1.0 }, new[] { 1.0, 2.0 }, "loss"));

        Assert.Contains("loss", error.Message, StringComparison.Ordinal);
    }
}
