using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>Line style of a scatter trace (plotly.js <c>line</c>).</summary>
public sealed record Line
{
    /// <summary>CSS colour.</summary>
    [JsonPropertyName("color")]
    public string? Color { get; init; }

    /// <summary>Width in pixels (0 hides the line, as the edges of a band do).</summary>
    [JsonPropertyName("width")]
    public double? Width { get; init; }

    /// <summary>Dash style.</summary>
    [JsonPropertyName("dash")]
    public Dash? Dash { get; init; }
}
