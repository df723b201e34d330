using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>Text font (plotly.js <c>font</c>).</summary>
public sealed record Font
{
    /// <summary>CSS font family.</summary>
    [JsonPropertyName("family")]
    public string? Family { get; init; }

    /// <summary>Size in pixels.</summary>
    [JsonPropertyName("size")]
    public double? Size { get; init; }

    /// <summary>CSS colour.</summary>
    [JsonPropertyName("color")]
    public string? Color { get; init; }
}
