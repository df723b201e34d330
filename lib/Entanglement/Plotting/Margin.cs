using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>Plot margins in pixels (plotly.js <c>layout.margin</c>).</summary>
public sealed record Margin
{
    /// <summary>Left.</summary>
    [JsonPropertyName("l")]
    public int? Left { get; init; }

    /// <summary>Right.</summary>
    [JsonPropertyName("r")]
    public int? Right { get; init; }

    /// <summary>Top (room for title and subtitle).</summary>
    [JsonPropertyName("t")]
    public int? Top { get; init; }

    /// <summary>Bottom.</summary>
    [JsonPropertyName("b")]
    public int? Bottom { get; init; }
}
