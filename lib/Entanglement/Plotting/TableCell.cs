namespace Entanglement.Plotting;

/// <summary>A formatted table cell; numbers are right-aligned.</summary>
/// <param name="Text">The formatted text.</param>
/// <param name="IsNumeric">Whether the value was a number.</param>
public sealed record TableCell(string Text, bool IsNumeric);
