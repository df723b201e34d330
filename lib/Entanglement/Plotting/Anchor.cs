namespace Entanglement.Plotting;

/// <summary>Which point of a box its x or y position refers to (plotly.js <c>xanchor</c>/<c>yanchor</c>).</summary>
public enum Anchor
{
    /// <summary>Chosen by plotly.js.</summary>
    Auto,

    /// <summary>Left edge.</summary>
    Left,

    /// <summary>Horizontal centre.</summary>
    Center,

    /// <summary>Right edge.</summary>
    Right,

    /// <summary>Top edge.</summary>
    Top,

    /// <summary>Vertical middle.</summary>
    Middle,

    /// <summary>Bottom edge.</summary>
    Bottom,
}
