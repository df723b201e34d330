namespace Entanglement.Data;

/// <summary>A two-dimensional toy data set (paper, Figures 2 and 3).</summary>
/// <param name="Points">Inputs, N×2 row-major (x, y).</param>
/// <param name="Targets">Upstream ground-truth 2-D targets, N×2 (Figure 2), or null.</param>
/// <param name="Labels">Binary class: 1 = green (positive), 0 = red.</param>
/// <param name="Regions">Region of each point (Figure 3: 0 = A, 1 = B, 2 = C), or null.</param>
public sealed record ToyPoints(float[] Points, float[]? Targets, int[] Labels, int[]? Regions)
{
    /// <summary>Number of points.</summary>
    public int Count => Labels.Length;
}
