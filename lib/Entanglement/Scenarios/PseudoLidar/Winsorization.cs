namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Which points the point-cloud generator r keeps (paper, Section 5.1): drop points more than
/// <see cref="MaxHeightAboveCamera"/> metres above the camera, and points farther than <see cref="MaxRange"/> metres
/// (bird's-eye distance √(x² + z²)) from it. Null disables a cut (Appendix A's non-winsorized clouds).
/// </summary>
public sealed record Winsorization(double? MaxHeightAboveCamera, double? MaxRange)
{
    /// <summary>Keep every point (Appendix A).</summary>
    public static Winsorization None { get; } = new(null, null);

    /// <summary>The car detector's cloud: drop points higher than 1 m above the camera.</summary>
    public static Winsorization Cars { get; } = new(1.0, null);

    /// <summary>The pedestrian detector's cloud: higher than 1 m, or beyond 20 m, removed.</summary>
    public static Winsorization Pedestrians { get; } = new(1.0, 20.0);
}
