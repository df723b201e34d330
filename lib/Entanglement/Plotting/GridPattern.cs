namespace Entanglement.Plotting;

/// <summary>How a subplot grid assigns axes (plotly.js <c>grid.pattern</c>).</summary>
public enum GridPattern
{
    /// <summary>Every subplot has its own x and y axis.</summary>
    Independent,

    /// <summary>Each column shares an x axis and each row a y axis.</summary>
    Coupled,
}
