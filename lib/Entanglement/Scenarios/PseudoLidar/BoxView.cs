namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>Which overlap KITTI's average precision uses: 3-D boxes (AP_3D) or bird's-eye footprints (AP_BEV).</summary>
public enum BoxView
{
    /// <summary>3-D IoU (AP_3D).</summary>
    Box3D,

    /// <summary>Bird's-eye-view IoU of the rotated footprints (AP_BEV).</summary>
    BirdsEye,
}
