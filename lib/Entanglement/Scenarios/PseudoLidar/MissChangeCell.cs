namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// One cell of the decomposition of a detector's change in miss rate (u → u′): the objects of one range bin whose
/// depth error rose (or fell or held) under u′, and the share of all counted objects that turned missed
/// (<see cref="Negative"/>) or found (<see cref="Positive"/>) there, mean over seeds. The cells' net shares sum to the
/// change in miss rate.
/// </summary>
/// <param name="Bin">Range bin index (<see cref="DepthErrorByRange.BinLabels"/>).</param>
/// <param name="DepthRose">Whether these objects' depth error rose under u′.</param>
/// <param name="Negative">Share of all counted objects found with u and missed with u′ in this cell.</param>
/// <param name="Positive">Share of all counted objects missed with u and found with u′ in this cell.</param>
/// <param name="Objects">Share of all counted objects in this cell.</param>
public sealed record MissChangeCell(int Bin, bool DepthRose, double Negative, double Positive, double Objects)
{
    /// <summary>The cell's contribution to the change in miss rate, <see cref="Negative"/> − <see cref="Positive"/>.</summary>
    public double Net => Negative - Positive;

    /// <summary>"0-10 m, depth error rose".</summary>
    public string Label => $"{DepthErrorByRange.BinLabels[Bin]} m, depth error {(DepthRose ? "rose" : "fell or held")}";
}
