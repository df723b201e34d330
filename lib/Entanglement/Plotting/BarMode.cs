namespace Entanglement.Plotting;

/// <summary>How bars at the same location are laid out (plotly.js <c>layout.barmode</c>).</summary>
public enum BarMode
{
    /// <summary>Side by side.</summary>
    Group,

    /// <summary>Stacked.</summary>
    Stack,

    /// <summary>Drawn over each other.</summary>
    Overlay,

    /// <summary>Stacked, negatives below zero.</summary>
    Relative,
}
