namespace Entanglement.Plotting;

/// <summary>Scale of a cartesian axis (plotly.js <c>xaxis.type</c>).</summary>
public enum AxisType
{
    /// <summary>Linear scale.</summary>
    Linear,

    /// <summary>Base-10 logarithmic scale; <see cref="Axis.Range"/> is then given in log10 units.</summary>
    Log,

    /// <summary>Categorical axis.</summary>
    Category,
}
