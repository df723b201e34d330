using Entanglement.Tensors;

namespace Entanglement.Data;

/// <summary>Seeded, stratified sampling: train/test split, class balancing and nested p% subsets.</summary>
public static class DatasetSampling
{
    /// <summary>
    /// Per class (ascending label), a permutation from <c>rng.Fork(label)</c>; the first round(<paramref name="trainFraction"/>·n)
    /// go to train, the rest to test. Both sets keep the original order.
    /// </summary>
    public static (ImageDataset Train, ImageDataset Test) StratifiedSplit(ImageDataset dataset, double trainFraction, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rng);
        if (!(trainFraction > 0 && trainFraction < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), "StratifiedSplit: the train fraction must be in (0, 1).");
        }

        var train = new List<int>();
        var test = new List<int>();
        foreach (var label in dataset.Classes())
        {
            var members = dataset.IndicesOf(label);
            var order = rng.Fork(label).Permutation(members.Length);
            var k = (int)Math.Round(trainFraction * members.Length, MidpointRounding.AwayFromZero);
            for (var i = 0; i < members.Length; i++)
            {
                (i < k ? train : test).Add(members[order[i]]);
            }
        }

        train.Sort();
        test.Sort();
        return (dataset.Subset(train), dataset.Subset(test));
    }

    /// <summary>Downsamples every class to the size of the smallest one (seeded per class; original order kept).</summary>
    public static ImageDataset Balance(ImageDataset dataset, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rng);
        RequireNonEmpty(dataset, nameof(Balance));
        var smallest = dataset.ClassCounts().Values.Min();
        return TakePerClass(dataset, rng, _ => smallest);
    }

    /// <summary>
    /// A stratified subset of round(<paramref name="fraction"/>·n) images per class. Nested: for one <paramref name="rng"/>,
    /// the subset for a larger fraction contains the subset for a smaller one (the paper's p%, Section 4.1.2).
    /// </summary>
    public static ImageDataset Subsample(ImageDataset dataset, double fraction, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(rng);
        if (!(fraction > 0 && fraction <= 1))
        {
            throw new ArgumentOutOfRangeException(nameof(fraction), $"Subsample: fraction {fraction} must be in (0, 1].");
        }

        RequireNonEmpty(dataset, nameof(Subsample));
        var result = TakePerClass(dataset, rng, n => (int)Math.Round(fraction * n, MidpointRounding.AwayFromZero));
        return result.Count > 0
            ? result
            : throw new ArgumentException($"Subsample: fraction {fraction} of {dataset.Count} images leaves none.", nameof(fraction));
    }

    private static ImageDataset TakePerClass(ImageDataset dataset, Rng rng, Func<int, int> take)
    {
        var keep = new List<int>();
        foreach (var label in dataset.Classes())
        {
            var members = dataset.IndicesOf(label);
            var order = rng.Fork(label).Permutation(members.Length);
            var k = Math.Min(take(members.Length), members.Length);
            for (var i = 0; i < k; i++)
            {
                keep.Add(members[order[i]]);
            }
        }

        keep.Sort();
        return dataset.Subset(keep);
    }

    internal static void RequireNonEmpty(ImageDataset dataset, string operation)
    {
        if (dataset.Count == 0)
        {
            throw new ArgumentException($"{operation}: the data set is empty.", nameof(dataset));
        }
    }
}
