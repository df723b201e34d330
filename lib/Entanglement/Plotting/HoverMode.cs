using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>What a hover shows (plotly.js <c>layout.hovermode</c>).</summary>
public enum HoverMode
{
    /// <summary>The point nearest the cursor.</summary>
    Closest,

    /// <summary>All points at the cursor's x.</summary>
    X,

    /// <summary>All points at the cursor's y.</summary>
    Y,

    /// <summary>One label listing every trace at the cursor's x.</summary>
    [JsonPropertyName("x unified")]
    XUnified,
}
