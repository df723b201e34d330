namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>The training (or test) loss of the depth-estimation model (paper, Section 5.1).</summary>
public enum DepthLoss
{
    /// <summary>Disparity MAE, ∝ ‖g(d) − g(y)‖₁ with g(d) = C / d: weighs near pixels (large disparities).</summary>
    DisparityMae,

    /// <summary>Depth MAE, ∝ ‖d − y‖₁: weighs far pixels.</summary>
    DepthMae,
}
