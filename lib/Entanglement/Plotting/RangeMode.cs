namespace Entanglement.Plotting;

/// <summary>How an autoranged axis treats zero (plotly.js <c>rangemode</c>).</summary>
public enum RangeMode
{
    /// <summary>Range follows the data.</summary>
    Normal,

    /// <summary>Range always includes zero.</summary>
    ToZero,

    /// <summary>Range never goes below zero.</summary>
    NonNegative,
}
