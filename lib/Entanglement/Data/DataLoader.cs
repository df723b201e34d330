using System.Collections;
using Entanglement.Tensors;

namespace Entanglement.Data;

/// <summary>
/// Mini-batches of an <see cref="ImageDataset"/> as normalised float tensors (as torch.utils.data.DataLoader). With
/// shuffling or augmentation, epoch k (the k-th enumeration) draws its permutation and augmentations from
/// <c>rng.Fork(k)</c>, so the batches depend only on the seed and the epoch number.
/// </summary>
public sealed class DataLoader : IEnumerable<Batch>
{
    private readonly float[][] _lookup;
    private readonly Rng? _rng;
    private int _epoch;

    /// <summary>Creates the loader.</summary>
    /// <param name="dataset">The images.</param>
    /// <param name="batchSize">Images per batch (the last batch may be smaller unless <paramref name="dropLast"/>).</param>
    /// <param name="normalization">Applied after augmentation; <see cref="Normalization.Digits"/> for the embedded digits.</param>
    /// <param name="shuffle">Reshuffle at every epoch.</param>
    /// <param name="rng">Required when shuffling or augmenting.</param>
    /// <param name="augmentation">Random crop / flip for training, or null.</param>
    /// <param name="dropLast">Drop a last incomplete batch.</param>
    public DataLoader(ImageDataset dataset, int batchSize, Normalization normalization, bool shuffle = false, Rng? rng = null,
        Augmentation? augmentation = null, bool dropLast = false)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(normalization);
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        if ((shuffle || augmentation is not null) && rng is null)
        {
            throw new ArgumentException("DataLoader: shuffling or augmentation needs a seeded Rng.", nameof(rng));
        }

        if (dataset.Count == 0)
        {
            throw new ArgumentException("DataLoader: the data set is empty.", nameof(dataset));
        }

        Dataset = dataset;
        BatchSize = batchSize;
        Normalization = normalization;
        Shuffle = shuffle;
        Augmentation = augmentation;
        DropLast = dropLast;
        _rng = rng;
        _lookup = normalization.Lookup(dataset.Channels);
    }

    /// <summary>The data set being batched.</summary>
    public ImageDataset Dataset { get; }

    /// <summary>Images per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Normalisation applied to every image.</summary>
    public Normalization Normalization { get; }

    /// <summary>Whether each epoch is shuffled.</summary>
    public bool Shuffle { get; }

    /// <summary>Augmentation applied to every image, or null.</summary>
    public Augmentation? Augmentation { get; }

    /// <summary>Whether a last incomplete batch is dropped.</summary>
    public bool DropLast { get; }

    /// <summary>Number of batches per epoch.</summary>
    public int BatchCount => DropLast ? Dataset.Count / BatchSize : (Dataset.Count + BatchSize - 1) / BatchSize;

    /// <summary>Enumerates one epoch; each call is the next epoch.</summary>
    public IEnumerator<Batch> GetEnumerator() => Epoch(_epoch++);

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Every image normalised, un-augmented and in order, as one [N, C, H, W] tensor.</summary>
    public static Tensor ToTensor(ImageDataset dataset, Normalization normalization)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentNullException.ThrowIfNull(normalization);
        var order = Enumerable.Range(0, dataset.Count).ToArray();
        return Build(dataset, order, normalization.Lookup(dataset.Channels), null, null).Images;
    }

    private IEnumerator<Batch> Epoch(int epoch)
    {
        var epochRng = _rng?.Fork(epoch);
        var order = Shuffle && epochRng is not null
            ? epochRng.Fork("shuffle").Permutation(Dataset.Count)
            : Enumerable.Range(0, Dataset.Count).ToArray();
        var augmentRng = epochRng?.Fork("augment");
        for (var start = 0; start < order.Length; start += BatchSize)
        {
            var count = Math.Min(BatchSize, order.Length - start);
            if (count < BatchSize && DropLast)
            {
                yield break;
            }

            yield return Build(Dataset, order.AsSpan(start, count), _lookup, Augmentation, augmentRng);
        }
    }

    private static Batch Build(ImageDataset dataset, ReadOnlySpan<int> indices, float[][] lookup, Augmentation? augmentation, Rng? rng)
    {
        var size = dataset.ImageSize;
        var images = new float[indices.Length * size];
        var labels = new int[indices.Length];
        var source = dataset.TargetArray;
        var targets = source is null ? null : new float[indices.Length];
        var pixels = dataset.PixelArray;
        var plane = dataset.Height * dataset.Width;
        for (var i = 0; i < indices.Length; i++)
        {
            var k = indices[i];
            var image = pixels.AsSpan(k * size, size);
            var dst = images.AsSpan(i * size, size);
            if (augmentation is not null && rng is not null)
            {
                augmentation.Apply(image, dataset.Channels, dataset.Height, dataset.Width, lookup, rng, dst);
            }
            else
            {
                for (var c = 0; c < dataset.Channels; c++)
                {
                    var table = lookup[c];
                    var o = c * plane;
                    for (var j = 0; j < plane; j++)
                    {
                        dst[o + j] = table[image[o + j]];
                    }
                }
            }

            labels[i] = dataset.LabelArray[k];
            if (targets is not null && source is not null)
            {
                targets[i] = source[k];
            }
        }

        var tensor = new Tensor(images, new Shape(indices.Length, dataset.Channels, dataset.Height, dataset.Width));
        var targetTensor = targets is null ? null : new Tensor(targets, new Shape(indices.Length, 1));
        return new Batch(tensor, labels, targetTensor, indices.ToArray());
    }
}
