namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>Where a point cloud's depth comes from: model u, model u′, or the oracle y (ground-truth depth).</summary>
public enum DepthSource
{
    /// <summary>The depth-estimation model trained with disparity MAE (Section 5's baseline u).</summary>
    DisparityTrained,

    /// <summary>The depth-estimation model trained with depth MAE (Section 5's improved u′).</summary>
    DepthTrained,

    /// <summary>The oracle: ground-truth depth y.</summary>
    Oracle,
}
