namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// One cell group of Table 2 or Table S1: AP (percent) of a detector on clouds from one depth source, over seeds.
/// <see cref="Model"/> is the paper's label in that table ("u", "u'" or "y").
/// </summary>
public sealed record ApRow(string Model, DepthSource Source, ObjectKind Kind, BoxView View, double Mean, double Sd, IReadOnlyList<double> PerSeed);
