using Entanglement.Data;
using Entanglement.Tensors;

namespace Entanglement.Scenarios;

/// <summary>The data steps the experiments share: loading the fixed split, class selection and balancing, capping.</summary>
public static class ScenarioData
{
    /// <summary>Seed of the fixed 50/50 reference/query split of every 1-NN test loss.</summary>
    public const ulong NearestNeighbourSplitSeed = 0;

    /// <summary>The fixed train/test split of <paramref name="kind"/>.</summary>
    public static DatasetSplit Load(DatasetKind kind) => DatasetSource.Load(kind);

    /// <summary>The images of <paramref name="classes"/>, class-balanced when asked, at most <paramref name="maxPerClass"/> each.</summary>
    public static ImageDataset Classes(ImageDataset data, int[] classes, bool balance, Rng rng, int? maxPerClass)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rng);
        var selected = ClassGrouping.Select(data, classes);
        if (balance)
        {
            selected = DatasetSampling.Balance(selected, rng);
        }

        if (maxPerClass is { } max)
        {
            var keep = selected.Classes().SelectMany(c => selected.IndicesOf(c).Take(max)).Order().ToArray();
            selected = selected.Subset(keep);
        }

        return selected;
    }

    /// <summary>A stratified random <paramref name="count"/> of the images (for smoke runs).</summary>
    public static ImageDataset Take(ImageDataset data, int count, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(data);
        return count >= data.Count ? data : DatasetSampling.Subsample(data, count / (double)data.Count, rng);
    }

    /// <summary>1-NN error (cosine, fixed 50/50 reference/query split) of frozen features against their labels.</summary>
    public static double NearestNeighbourError(Training.FeatureSet features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var labels = Tensor.FromArray([.. features.Labels.Select(l => (float)l)], features.Count);
        return Systems.TestLosses.NearestNeighbourError(features.ToTensor(), labels, NearestNeighbourSplitSeed);
    }

    /// <summary>Splits a test set into two fixed halves (validation, scoring) by a seeded permutation.</summary>
    public static (ImageDataset First, ImageDataset Second) Halves(ImageDataset data, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(rng);
        var order = rng.Permutation(data.Count);
        var half = data.Count / 2;
        return (data.Subset([.. order[..half].Order()]), data.Subset([.. order[half..].Order()]));
    }
}
