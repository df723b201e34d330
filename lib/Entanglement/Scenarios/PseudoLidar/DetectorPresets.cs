namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>The detectors of the case studies: cars (v), pedestrians ≤ 20 m (w), and Appendix A's all-range w.</summary>
public static class DetectorPresets
{
    /// <summary>
    /// Car detector v: 0.5 m cells over x ∈ [−12, 12), z ∈ [0, 72); IoU 0.7. A car's centre lies about 2 m behind
    /// the face the camera sees, in cells without points, at the edge of four 3 × 3 layers' reach: so it is anchored on
    /// its visible face, trained on mirrored scenes too, and its boxes are refined on their points
    /// (<see cref="BoxRefinement"/>), which also ranks last the proposals whose points are too narrow for a car.
    /// </summary>
    public static DetectorSettings Car { get; } = new()
    {
        Kind = ObjectKind.Car,
        Grid = new BevGrid(-12, 12, 0, 72, 0.5),
        Prior = (3.9, 1.6, 1.5),
        PositiveRadius = 0.8,
        SuppressionDistance = 2.0,
        AnchorOnVisibleFace = true,
        MirrorAugmentation = true,
        RefinementMargin = 0.7,
        Epochs = 16,
    };

    /// <summary>Pedestrian detector w of Section 5: trained and evaluated on pedestrians ≤ 20 m (winsorized cloud).</summary>
    public static DetectorSettings Pedestrian { get; } = new()
    {
        Kind = ObjectKind.Pedestrian,
        Grid = new BevGrid(-10, 10, 0, 22, 0.25),
        Prior = (0.8, 0.6, 1.75),
        PositiveRadius = 0.3,
        TrainRange = 20,
        EvaluationRange = 20,
        SuppressionDistance = 0.6,
    };

    /// <summary>Appendix A's w: non-winsorized cloud, trained on pedestrians at all ranges its grid covers (z &lt; 40 m), detections beyond 20 m pruned.</summary>
    public static DetectorSettings PedestrianAllRanges { get; } = Pedestrian with
    {
        Grid = new BevGrid(-10, 10, 0, 40, 0.25),
        TrainRange = null,
        PruneRange = 20,
    };
}
