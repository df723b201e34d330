namespace Entanglement.Data;

/// <summary>A fixed train/test split: the test set never changes while models change (paper, Section 2).</summary>
/// <param name="Name">Data set name, e.g. "digits" or "svhn".</param>
/// <param name="Train">Training images.</param>
/// <param name="Test">Test images.</param>
/// <param name="Normalization">The normalisation the data set's models use.</param>
/// <param name="Sha256">Hash identifying the source data (for results provenance).</param>
public sealed record DatasetSplit(string Name, ImageDataset Train, ImageDataset Test, Normalization Normalization, string Sha256);
