namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>How a bird's-eye-view detector (car detector v or pedestrian detector w) is built, trained and used.</summary>
public sealed record DetectorSettings
{
    /// <summary>Which objects it detects.</summary>
    public required ObjectKind Kind { get; init; }

    /// <summary>The bird's-eye grid its input is encoded on.</summary>
    public required BevGrid Grid { get; init; }

    /// <summary>Prior box size (l, w, h) in metres; the network regresses log-ratios to it.</summary>
    public required (double Length, double Width, double Height) Prior { get; init; }

    /// <summary>Cells whose centre lies within this distance (metres) of an object's centre are positives.</summary>
    public required double PositiveRadius { get; init; }

    /// <summary>Objects farther than this (bird's-eye range, metres) are neither trained on nor counted; null: all.</summary>
    public double? TrainRange { get; init; }

    /// <summary>Only objects within this range (metres) count in evaluation, farther ones are ignored; null: all.</summary>
    public double? EvaluationRange { get; init; }

    /// <summary>Detections farther than this are removed after the fact (Appendix A); null keeps all.</summary>
    public double? PruneRange { get; init; }

    /// <summary>
    /// Cells of <see cref="Grid"/> per head cell along each axis: the first convolution has this stride, so the head
    /// predicts on a coarser grid (<see cref="HeadGrid"/>) and every later layer sees this many times farther.
    /// </summary>
    public int OutputStride { get; init; } = 1;

    /// <summary>The grid the head predicts on: <see cref="Grid"/> with cells <see cref="OutputStride"/> times larger.</summary>
    public BevGrid HeadGrid => OutputStride == 1 ? Grid : Grid with { Cell = Grid.Cell * OutputStride };

    /// <summary>Convolution channels of the hidden layers.</summary>
    public int Channels { get; init; } = 16;

    /// <summary>Number of 3 × 3 convolution layers before the 1 × 1 head.</summary>
    public int Layers { get; init; } = 4;

    /// <summary>Passes over the training scenes.</summary>
    public int Epochs { get; init; } = 10;

    /// <summary>
    /// Whether positives sit on the object's face seen by the camera (<see cref="DetectionTargets.Keypoint"/>) rather
    /// than on its centre, and peaks average the boxes of their confident neighbours.
    /// </summary>
    public bool AnchorOnVisibleFace { get; init; }

    /// <summary>Whether training mirrors each scene left–right with probability ½ (the grid must be symmetric in x).</summary>
    public bool MirrorAugmentation { get; init; }

    /// <summary>
    /// Footprint margin (metres) within which a proposal's points refine it (<see cref="BoxRefinement"/>); null: the
    /// network's boxes as they are.
    /// </summary>
    public double? RefinementMargin { get; init; }

    /// <summary>How the refinement corrects the heading on the points (used with <see cref="RefinementMargin"/>).</summary>
    public HeadingFit HeadingFit { get; init; } = HeadingFit.MinimumArea;

    /// <summary>Largest turn (radians) the <see cref="HeadingFit.Closeness"/> fit searches; π/4 searches every orientation.</summary>
    public double HeadingSearch { get; init; } = BoxRefinement.ClosenessSearch;

    /// <summary>
    /// With <see cref="RefinementMargin"/>: proposals whose points' robust top (95th height percentile above the ground)
    /// lies below this (metres) are ranked last, as too low for the kind (a bush for a car); null: no such check.
    /// </summary>
    public double? MinPointTop { get; init; }

    /// <summary>
    /// With <see cref="RefinementMargin"/>: proposals whose points span more than this (metres, robust extent on the
    /// box's axes) are ranked last, as too wide for the kind (a car for a pedestrian); null: no such check.
    /// </summary>
    public double? MaxPointSpan { get; init; }

    /// <summary>
    /// Weight of the background cells' mean heat-map loss against the positive cells' mean (1: balanced). Larger
    /// values keep look-alikes (a pedestrian, a pole for the car detector) from scoring as confidently as objects.
    /// </summary>
    public double NegativeWeight { get; init; } = 1;

    /// <summary>Scenes per Adam step.</summary>
    public int BatchSize { get; init; } = 1;

    /// <summary>Adam's learning rate (decayed ×0.1 at ½ and ¾ of training).</summary>
    public double LearningRate { get; init; } = 5e-3;

    /// <summary>Lowest score a detection may have.</summary>
    public double MinScore { get; init; } = 0.05;

    /// <summary>Detections whose centres are closer than this (metres) to a better one are suppressed.</summary>
    public double SuppressionDistance { get; init; } = 1.0;

    /// <summary>An object needs at least this many ground-truth pixels to count in evaluation (else ignored).</summary>
    public int MinVisiblePixels { get; init; } = 8;
}
