using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>The line under a figure's title (plotly.js <c>layout.title.subtitle</c>, since 2.34).</summary>
/// <param name="Text">The subtitle; the workbook states profile and seeds here.</param>
public sealed record Subtitle([property: JsonPropertyName("text")] string Text)
{
    /// <summary>Subtitle font.</summary>
    [JsonPropertyName("font")]
    public Font? Font { get; init; }
}
