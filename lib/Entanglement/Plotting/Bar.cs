using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>A bar trace (plotly.js <c>bar</c>); several bar traces side by side make grouped bars.</summary>
public sealed record Bar : Trace
{
    /// <summary>An empty bar trace; set its properties with an object initializer.</summary>
    public Bar()
        : base("bar")
    {
    }

    /// <summary>x coordinates (categories for vertical bars).</summary>
    [JsonPropertyName("x")]
    public Values? X { get; init; }

    /// <summary>y coordinates (bar heights for vertical bars).</summary>
    [JsonPropertyName("y")]
    public Values? Y { get; init; }

    /// <summary>Horizontal or vertical bars.</summary>
    [JsonPropertyName("orientation")]
    public Orientation? Orientation { get; init; }

    /// <summary>Per-bar text.</summary>
    [JsonPropertyName("text")]
    public IReadOnlyList<string>? Text { get; init; }

    /// <summary>Per-bar hover text.</summary>
    [JsonPropertyName("hovertext")]
    public IReadOnlyList<string>? HoverText { get; init; }

    /// <summary>Bar colour.</summary>
    [JsonPropertyName("marker")]
    public Marker? Marker { get; init; }

    /// <summary>Vertical error bars.</summary>
    [JsonPropertyName("error_y")]
    public ErrorBars? ErrorY { get; init; }
}
