namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// A detector's miss rate on one depth source split against the detector retrained on the oracle cloud (ground-truth
/// depth): misses the oracle-trained detector makes too (the detector's own) and misses of objects it finds (the
/// depth's), mean over seeds. <see cref="Detector"/> + <see cref="Depth"/> = the miss rate on this source.
/// </summary>
/// <param name="Source">The depth source.</param>
/// <param name="Label">Its name in this case ("u", "u'", "y").</param>
/// <param name="Detector">Share of counted objects missed on this source and with the oracle cloud.</param>
/// <param name="Depth">Share of counted objects missed on this source but found with the oracle cloud.</param>
public sealed record MissSplit(DepthSource Source, string Label, double Detector, double Depth)
{
    /// <summary>The miss rate on this source.</summary>
    public double MissRate => Detector + Depth;
}
