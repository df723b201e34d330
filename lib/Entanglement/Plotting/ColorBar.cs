using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>The colour bar of a heat map (plotly.js <c>colorbar</c>).</summary>
public sealed record ColorBar
{
    /// <summary>Title, naming the quantity and its unit.</summary>
    [JsonPropertyName("title")]
    public Title? Title { get; init; }

    /// <summary>Tick label format (d3-format, e.g. <c>".3f"</c>).</summary>
    [JsonPropertyName("tickformat")]
    public string? TickFormat { get; init; }

    /// <summary>Thickness in pixels.</summary>
    [JsonPropertyName("thickness")]
    public double? Thickness { get; init; }

    /// <summary>Length as a fraction of the plot height.</summary>
    [JsonPropertyName("len")]
    public double? Len { get; init; }

    /// <summary>Horizontal position in paper coordinates.</summary>
    [JsonPropertyName("x")]
    public double? X { get; init; }
}
