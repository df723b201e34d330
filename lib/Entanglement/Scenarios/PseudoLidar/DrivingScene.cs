namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// A simulated driving scene: its boxes, the rendered rectified stereo pair (row-major H × W grayscale in [0, 1])
/// and the ground-truth depth of each left-image pixel (metres; <see cref="float.NaN"/> where there is no valid
/// depth: sky, or beyond the maximum range).
/// </summary>
public sealed record DrivingScene(StereoCamera Camera, IReadOnlyList<SceneObject> Objects, float[] Left, float[] Right, float[] Depth)
{
    /// <summary>Ground-truth boxes of the cars.</summary>
    public IReadOnlyList<Box3D> Cars => Objects.Where(o => o.Kind == ObjectKind.Car).Select(o => o.Box).ToArray();

    /// <summary>Ground-truth boxes of the pedestrians.</summary>
    public IReadOnlyList<Box3D> Pedestrians => Objects.Where(o => o.Kind == ObjectKind.Pedestrian).Select(o => o.Box).ToArray();

    /// <summary>Ground-truth boxes of one kind.</summary>
    public IReadOnlyList<Box3D> BoxesOf(ObjectKind kind) => Objects.Where(o => o.Kind == kind).Select(o => o.Box).ToArray();
}
