namespace Entanglement.Scenarios.Fairness;

/// <summary>How a group's digits are rendered (the group attribute of the fairness scenario).</summary>
public enum DigitStyle
{
    /// <summary>The digits as they are.</summary>
    Original,

    /// <summary>White background, dark strokes (255 − pixel).</summary>
    Inverted,

    /// <summary>Strokes thickened by a 3×3 maximum filter (one dilation).</summary>
    Thickened,
}
