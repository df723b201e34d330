namespace Entanglement.Plotting;

/// <summary>Horizontal or vertical (plotly.js <c>orientation</c>: <c>"h"</c>, <c>"v"</c>).</summary>
public enum Orientation
{
    /// <summary>Horizontal.</summary>
    H,

    /// <summary>Vertical.</summary>
    V,
}
