using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>Plot configuration (plotly.js <c>config</c>, the fourth argument of <c>Plotly.newPlot</c>).</summary>
public sealed record Config
{
    /// <summary>Responsive, without the plotly logo: the workbook's default.</summary>
    public static Config Default { get; } = new() { Responsive = true, DisplayLogo = false };

    /// <summary>Whether the plot resizes with its container.</summary>
    [JsonPropertyName("responsive")]
    public bool? Responsive { get; init; }

    /// <summary>Whether the mode bar shows the plotly logo.</summary>
    [JsonPropertyName("displaylogo")]
    public bool? DisplayLogo { get; init; }

    /// <summary>Whether the mode bar is shown (null: on hover).</summary>
    [JsonPropertyName("displayModeBar")]
    public bool? DisplayModeBar { get; init; }

    /// <summary>Whether the mouse wheel zooms.</summary>
    [JsonPropertyName("scrollZoom")]
    public bool? ScrollZoom { get; init; }

    /// <summary>A static, non-interactive plot.</summary>
    [JsonPropertyName("staticPlot")]
    public bool? StaticPlot { get; init; }
}
