namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>How simulated driving scenes are drawn and rendered.</summary>
public sealed record SceneSettings
{
    /// <summary>Image width in pixels (the focal length is KITTI's scaled to it).</summary>
    public int Width { get; init; } = 320;

    /// <summary>Image height in pixels.</summary>
    public int Height { get; init; } = 96;

    /// <summary>Largest valid ground-truth depth (as a LiDAR's range); farther pixels have no depth.</summary>
    public double MaxDepth { get; init; } = 80;

    /// <summary>Standard deviation of the Gaussian sensor noise added to each image (intensities in [0, 1]).</summary>
    public double NoiseSigma { get; init; } = 0.02;

    /// <summary>Fewest and most cars per scene (inclusive).</summary>
    public (int Min, int Max) Cars { get; init; } = (2, 6);

    /// <summary>Fewest and most pedestrians per scene (inclusive).</summary>
    public (int Min, int Max) Pedestrians { get; init; } = (1, 5);

    /// <summary>Number of small clutter objects (poles, bushes) per scene; buildings line the road as well.</summary>
    public int Clutter { get; init; } = 6;

    /// <summary>Rays per pixel along each axis (anti-aliasing); 2 means 2 × 2 rays.</summary>
    public int Supersampling { get; init; } = 2;

    /// <summary>The stereo camera these settings imply.</summary>
    public StereoCamera Camera => StereoCamera.Kitti(Width, Height);
}
