using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>Marker style of a scatter or bar trace (plotly.js <c>marker</c>).</summary>
public sealed record Marker
{
    /// <summary>CSS colour.</summary>
    [JsonPropertyName("color")]
    public string? Color { get; init; }

    /// <summary>Size in pixels.</summary>
    [JsonPropertyName("size")]
    public double? Size { get; init; }

    /// <summary>plotly.js symbol name (<c>circle</c>, <c>square</c>, <c>x</c>, ...).</summary>
    [JsonPropertyName("symbol")]
    public string? Symbol { get; init; }

    /// <summary>Opacity from 0 to 1.</summary>
    [JsonPropertyName("opacity")]
    public double? Opacity { get; init; }
}
