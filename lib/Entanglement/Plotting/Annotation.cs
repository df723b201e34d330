using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>A text annotation (plotly.js <c>layout.annotations[i]</c>), such as a subplot's title.</summary>
/// <param name="Text">The text.</param>
public sealed record Annotation([property: JsonPropertyName("text")] string Text)
{
    /// <summary>The reference for paper coordinates (0 to 1 over the whole plot area).</summary>
    public const string Paper = "paper";

    /// <summary>Horizontal position, in <see cref="XRef"/> coordinates.</summary>
    [JsonPropertyName("x")]
    public double? X { get; init; }

    /// <summary>Vertical position, in <see cref="YRef"/> coordinates.</summary>
    [JsonPropertyName("y")]
    public double? Y { get; init; }

    /// <summary><see cref="Paper"/> or an axis reference such as <c>"x2"</c>.</summary>
    [JsonPropertyName("xref")]
    public string? XRef { get; init; }

    /// <summary><see cref="Paper"/> or an axis reference such as <c>"y2"</c>.</summary>
    [JsonPropertyName("yref")]
    public string? YRef { get; init; }

    /// <summary>Which point of the text <see cref="X"/> refers to.</summary>
    [JsonPropertyName("xanchor")]
    public Anchor? XAnchor { get; init; }

    /// <summary>Which point of the text <see cref="Y"/> refers to.</summary>
    [JsonPropertyName("yanchor")]
    public Anchor? YAnchor { get; init; }

    /// <summary>Whether an arrow points at (x, y).</summary>
    [JsonPropertyName("showarrow")]
    public bool? ShowArrow { get; init; }

    /// <summary>Text font.</summary>
    [JsonPropertyName("font")]
    public Font? Font { get; init; }
}
