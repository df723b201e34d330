using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>A heat map trace (plotly.js <c>heatmap</c>); <c>z[row][column]</c>, rows along y.</summary>
public sealed record Heatmap : Trace
{
    /// <summary>An empty heatmap trace; set its properties with an object initializer.</summary>
    public Heatmap()
        : base("heatmap")
    {
    }

    /// <summary>Cell values by row (y) then column (x); NaN leaves a gap.</summary>
    [JsonPropertyName("z")]
    public required IReadOnlyList<IReadOnlyList<double>> Z { get; init; }

    /// <summary>Column coordinates.</summary>
    [JsonPropertyName("x")]
    public Values? X { get; init; }

    /// <summary>Row coordinates.</summary>
    [JsonPropertyName("y")]
    public Values? Y { get; init; }

    /// <summary>Colour scale.</summary>
    [JsonPropertyName("colorscale")]
    public ColorScale? ColorScale { get; init; }

    /// <summary>Whether the scale is reversed.</summary>
    [JsonPropertyName("reversescale")]
    public bool? ReverseScale { get; init; }

    /// <summary>Colour bar.</summary>
    [JsonPropertyName("colorbar")]
    public ColorBar? ColorBar { get; init; }

    /// <summary>Whether the colour bar is shown.</summary>
    [JsonPropertyName("showscale")]
    public bool? ShowScale { get; init; }

    /// <summary>Value mapped to the bottom of the scale.</summary>
    [JsonPropertyName("zmin")]
    public double? ZMin { get; init; }

    /// <summary>Value mapped to the top of the scale.</summary>
    [JsonPropertyName("zmax")]
    public double? ZMax { get; init; }

    /// <summary>Value mapped to the middle of the scale (diverging scales).</summary>
    [JsonPropertyName("zmid")]
    public double? ZMid { get; init; }

    /// <summary>Per-cell text, rows as in <see cref="Z"/>.</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<IReadOnlyList<string>>? Text { get; init; }

    /// <summary>Template for text drawn in each cell (e.g. <c>"%{z:.3f}"</c>).</summary>
    [JsonPropertyName("texttemplate")]
    public string? TextTemplate { get; init; }
}
