using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>One trace of a figure's <c>data</c> array; the attributes every trace type shares.</summary>
[JsonPolymorphic]
[JsonDerivedType(typeof(Scatter))]
[JsonDerivedType(typeof(Bar))]
[JsonDerivedType(typeof(Heatmap))]
public abstract record Trace
{
    /// <summary>A trace of the given plotly.js type.</summary>
    protected Trace(string type)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(type);
        Type = type;
    }

    /// <summary>The plotly.js trace type (<c>scatter</c>, <c>bar</c>, <c>heatmap</c>).</summary>
    [JsonPropertyName("type")]
    [JsonPropertyOrder(-2)]
    public string Type { get; }

    /// <summary>Name shown in the legend and on hover.</summary>
    [JsonPropertyName("name")]
    [JsonPropertyOrder(-1)]
    public string? Name { get; init; }

    /// <summary>The x axis the trace is drawn against (null: <c>"x"</c>).</summary>
    [JsonPropertyName("xaxis")]
    public AxisId? XAxis { get; init; }

    /// <summary>The y axis the trace is drawn against (<see cref="AxisId.Y2"/> for a right-hand axis).</summary>
    [JsonPropertyName("yaxis")]
    public AxisId? YAxis { get; init; }

    /// <summary>Whether the trace has a legend entry.</summary>
    [JsonPropertyName("showlegend")]
    public bool? ShowLegend { get; init; }

    /// <summary>Traces in one group toggle together from the legend (a mean line and its band).</summary>
    [JsonPropertyName("legendgroup")]
    public string? LegendGroup { get; init; }

    /// <summary>Hover label template (plotly.js <c>hovertemplate</c>).</summary>
    [JsonPropertyName("hovertemplate")]
    public string? HoverTemplate { get; init; }

    /// <summary>Which fields the hover shows (<c>"skip"</c> hides it).</summary>
    [JsonPropertyName("hoverinfo")]
    public string? HoverInfo { get; init; }

    /// <summary>Opacity from 0 to 1.</summary>
    [JsonPropertyName("opacity")]
    public double? Opacity { get; init; }
}
