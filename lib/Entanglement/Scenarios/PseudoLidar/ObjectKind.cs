namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>What a box in a simulated driving scene is.</summary>
public enum ObjectKind
{
    /// <summary>A car, about 3.9 × 1.6 × 1.5 m.</summary>
    Car,

    /// <summary>A pedestrian, about 0.8 × 0.6 × 1.75 m.</summary>
    Pedestrian,

    /// <summary>Buildings, poles, bushes: not detected, but they occlude and add points.</summary>
    Clutter,
}
