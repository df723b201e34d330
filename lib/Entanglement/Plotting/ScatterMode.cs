using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>How a <see cref="Scatter"/> trace draws its points (plotly.js <c>mode</c>).</summary>
public enum ScatterMode
{
    /// <summary>Lines between points.</summary>
    Lines,

    /// <summary>Markers only.</summary>
    Markers,

    /// <summary>Lines and markers.</summary>
    [JsonPropertyName("lines+markers")]
    LinesMarkers,

    /// <summary>Nothing drawn (used by the invisible edges of a shaded band).</summary>
    None,
}
