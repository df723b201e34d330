using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>Legend placement (plotly.js <c>layout.legend</c>).</summary>
public sealed record Legend
{
    /// <summary>A horizontal legend under the plot, which leaves the right side to a second y axis.</summary>
    public static Legend Below { get; } = new()
    {
        Orientation = Plotting.Orientation.H,
        X = 0.5,
        XAnchor = Anchor.Center,
        Y = -0.2,
        YAnchor = Anchor.Top,
    };

    /// <summary>Horizontal or vertical.</summary>
    [JsonPropertyName("orientation")]
    public Orientation? Orientation { get; init; }

    /// <summary>Horizontal position in paper coordinates.</summary>
    [JsonPropertyName("x")]
    public double? X { get; init; }

    /// <summary>Vertical position in paper coordinates.</summary>
    [JsonPropertyName("y")]
    public double? Y { get; init; }

    /// <summary>Which point of the legend <see cref="X"/> refers to.</summary>
    [JsonPropertyName("xanchor")]
    public Anchor? XAnchor { get; init; }

    /// <summary>Which point of the legend <see cref="Y"/> refers to.</summary>
    [JsonPropertyName("yanchor")]
    public Anchor? YAnchor { get; init; }

    /// <summary>Legend title.</summary>
    [JsonPropertyName("title")]
    public Title? Title { get; init; }
}
