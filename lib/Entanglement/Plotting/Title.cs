using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>A title object (plotly.js <c>title</c> of the layout, an axis or a colour bar).</summary>
/// <param name="Text">The title text (plotly.js accepts a few HTML tags such as <c>&lt;br&gt;</c>).</param>
public sealed record Title([property: JsonPropertyName("text")] string Text)
{
    /// <summary>A subtitle; plotly.js draws it for the layout title only.</summary>
    [JsonPropertyName("subtitle")]
    public Subtitle? Subtitle { get; init; }

    /// <summary>Title font.</summary>
    [JsonPropertyName("font")]
    public Font? Font { get; init; }

    /// <summary>Horizontal position (0 to 1, layout title only).</summary>
    [JsonPropertyName("x")]
    public double? X { get; init; }

    /// <summary>Which point of the title <see cref="X"/> refers to.</summary>
    [JsonPropertyName("xanchor")]
    public Anchor? XAnchor { get; init; }
}
