namespace Entanglement.Plotting;

/// <summary>A table column: its header and the .NET format for numbers in it (invariant culture).</summary>
/// <param name="Header">The header text.</param>
/// <param name="Format">Numeric format string, e.g. <c>"F4"</c>; the default keeps 4 significant digits.</param>
public sealed record TableColumn(string Header, string Format = "G4");
