using Entanglement.Tensors;

namespace Entanglement.Data;

/// <summary>One mini-batch from a <see cref="DataLoader"/>.</summary>
/// <param name="Images">Normalised images, [B, C, H, W].</param>
/// <param name="Labels">Integer label per image.</param>
/// <param name="Targets">Real-valued targets, [B, 1], when the data set has them; otherwise null.</param>
/// <param name="Indices">Position of each image in the loader's data set (to record per-example losses).</param>
public sealed record Batch(Tensor Images, int[] Labels, Tensor? Targets, int[] Indices)
{
    /// <summary>Number of images in the batch.</summary>
    public int Count => Labels.Length;
}
