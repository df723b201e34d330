using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>A cartesian axis of the layout (plotly.js <c>layout.xaxis</c>, <c>layout.yaxis2</c>, ...).</summary>
public sealed record Axis
{
    /// <summary>Axis title.</summary>
    [JsonPropertyName("title")]
    public Title? Title { get; init; }

    /// <summary>Linear, log or category scale.</summary>
    [JsonPropertyName("type")]
    public AxisType? Type { get; init; }

    /// <summary>Fixed range [low, high]; in log10 units on a log axis.</summary>
    [JsonPropertyName("range")]
    public IReadOnlyList<double>? Range { get; init; }

    /// <summary>How an autorange treats zero.</summary>
    [JsonPropertyName("rangemode")]
    public RangeMode? RangeMode { get; init; }

    /// <summary>Fraction [start, end] of the figure the axis spans (subplots).</summary>
    [JsonPropertyName("domain")]
    public IReadOnlyList<double>? Domain { get; init; }

    /// <summary>The crossing axis this one is drawn against (subplots).</summary>
    [JsonPropertyName("anchor")]
    public AxisId? Anchor { get; init; }

    /// <summary>The axis this one is drawn over (a second y axis overlays <c>y</c>).</summary>
    [JsonPropertyName("overlaying")]
    public AxisId? Overlaying { get; init; }

    /// <summary>Side of the plot.</summary>
    [JsonPropertyName("side")]
    public AxisSide? Side { get; init; }

    /// <summary>Keeps this axis's scale locked to another's (equal aspect in 2-D scatter plots).</summary>
    [JsonPropertyName("scaleanchor")]
    public AxisId? ScaleAnchor { get; init; }

    /// <summary>Units of this axis per unit of <see cref="ScaleAnchor"/> (1: equal aspect).</summary>
    [JsonPropertyName("scaleratio")]
    public double? ScaleRatio { get; init; }

    /// <summary>Tick label format (d3-format).</summary>
    [JsonPropertyName("tickformat")]
    public string? TickFormat { get; init; }

    /// <summary>Whether grid lines are drawn.</summary>
    [JsonPropertyName("showgrid")]
    public bool? ShowGrid { get; init; }

    /// <summary>Whether the zero line is drawn.</summary>
    [JsonPropertyName("zeroline")]
    public bool? ZeroLine { get; init; }

    /// <summary>Whether margins grow to fit tick labels and title.</summary>
    [JsonPropertyName("automargin")]
    public bool? AutoMargin { get; init; }

    /// <summary>An axis titled <paramref name="title"/>.</summary>
    public static Axis Titled(string title, AxisType? type = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        return new Axis { Title = new Title(title), Type = type };
    }
}
