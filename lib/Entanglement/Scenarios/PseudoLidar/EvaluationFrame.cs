namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// One test scene for average precision: the ground-truth boxes that count, the boxes that are ignored (a detection
/// matching one is neither a true nor a false positive, as KITTI's "don't care"), and the detections.
/// </summary>
public sealed record EvaluationFrame(IReadOnlyList<Box3D> GroundTruth, IReadOnlyList<Box3D> Ignored, IReadOnlyList<Detection> Detections);
