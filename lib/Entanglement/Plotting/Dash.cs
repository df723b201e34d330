namespace Entanglement.Plotting;

/// <summary>Line dash style (plotly.js <c>line.dash</c>).</summary>
public enum Dash
{
    /// <summary>A solid line.</summary>
    Solid,

    /// <summary>A dotted line.</summary>
    Dot,

    /// <summary>A dashed line.</summary>
    Dash,

    /// <summary>Long dashes.</summary>
    LongDash,

    /// <summary>Dashes and dots.</summary>
    DashDot,

    /// <summary>Long dashes and dots.</summary>
    LongDashDot,
}
