namespace Entanglement.Plotting;

/// <summary>A named series of bar heights, one per category, with optional error bar lengths.</summary>
/// <param name="Name">Legend name.</param>
/// <param name="Values">Bar heights, one per category.</param>
/// <param name="Errors">Error bar lengths (one standard deviation, say), or null.</param>
public sealed record BarSeries(string Name, IReadOnlyList<double> Values, IReadOnlyList<double>? Errors = null);
