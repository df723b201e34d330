namespace Entanglement.Data;

/// <summary>Training set of the loss-function-mismatch experiment (Section 4.1.1): a clean block plus a noisy block.</summary>
/// <param name="Train">The images with their (possibly swapped) digit labels and those labels as regression targets.</param>
/// <param name="CleanLabels">The true digit of each image (what the downstream model learns).</param>
/// <param name="IsNoisy">Whether each image belongs to the noisy block.</param>
/// <param name="CleanCount">Images in the clean block.</param>
/// <param name="NoisyCount">Images in the noisy block (r × the clean block, per class).</param>
/// <param name="SwappedCount">Images of the noisy block whose label was swapped.</param>
public sealed record LossMismatchSet(ImageDataset Train, IReadOnlyList<int> CleanLabels, IReadOnlyList<bool> IsNoisy,
    int CleanCount, int NoisyCount, int SwappedCount);
