namespace Entanglement.Plotting;

/// <summary>Side of the plot an axis is drawn on (plotly.js <c>side</c>).</summary>
public enum AxisSide
{
    /// <summary>Left (y axes).</summary>
    Left,

    /// <summary>Right (a second y axis).</summary>
    Right,

    /// <summary>Top (x axes).</summary>
    Top,

    /// <summary>Bottom (x axes).</summary>
    Bottom,
}
