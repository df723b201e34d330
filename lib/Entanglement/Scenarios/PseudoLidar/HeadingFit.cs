namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>How <see cref="BoxRefinement"/> corrects a proposal's heading on its points.</summary>
public enum HeadingFit
{
    /// <summary>The turn within ±0.2 rad whose robust bounding rectangle of the points has the least area, if it shrinks it by 15 %.</summary>
    MinimumArea,

    /// <summary>L-shape fitting's closeness criterion: the turn within ±<see cref="DetectorSettings.HeadingSearch"/> that puts the points closest to the rectangle's edges.</summary>
    Closeness,
}
