namespace Entanglement.Plotting;

/// <summary>Area filled by a scatter trace (plotly.js <c>fill</c>).</summary>
public enum Fill
{
    /// <summary>No fill.</summary>
    None,

    /// <summary>Fill down to y = 0.</summary>
    ToZeroY,

    /// <summary>Fill to the previous trace's y values (the upper edge of a band).</summary>
    ToNextY,

    /// <summary>Fill to the previous trace's x values.</summary>
    ToNextX,

    /// <summary>Close the trace's own outline and fill it.</summary>
    ToSelf,
}
