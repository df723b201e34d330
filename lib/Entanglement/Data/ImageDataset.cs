namespace Entanglement.Data;

/// <summary>
/// Images as plain uint8 pixels (N×C×H×W, row-major), integer labels, optional real-valued targets and stable example
/// ids (the index of each example in the data set it was first cut from). Immutable: every manipulation returns a new set.
/// </summary>
public sealed class ImageDataset
{
    private readonly byte[] _pixels;
    private readonly int[] _labels;
    private readonly float[]? _targets;
    private readonly int[] _ids;

    /// <summary>Wraps the arrays (not copied; do not modify them afterwards).</summary>
    /// <param name="pixels">N×C×H×W bytes, 0 = black, 255 = white.</param>
    /// <param name="labels">One integer label per image.</param>
    /// <param name="channels">C.</param>
    /// <param name="height">H.</param>
    /// <param name="width">W.</param>
    /// <param name="targets">Optional real-valued target per image (regression).</param>
    /// <param name="ids">Optional stable example ids; defaults to 0…N-1.</param>
    public ImageDataset(byte[] pixels, int[] labels, int channels, int height, int width, float[]? targets = null, int[]? ids = null)
    {
        ArgumentNullException.ThrowIfNull(pixels);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(height, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(width, 1);
        if ((long)labels.Length * channels * height * width != pixels.Length)
        {
            throw new ArgumentException(
                $"ImageDataset: {pixels.Length} pixels do not fit {labels.Length} images of {channels}x{height}x{width}.",
                nameof(pixels));
        }

        if (targets is not null && targets.Length != labels.Length)
        {
            throw new ArgumentException($"ImageDataset: {targets.Length} targets for {labels.Length} images.", nameof(targets));
        }

        if (ids is not null && ids.Length != labels.Length)
        {
            throw new ArgumentException($"ImageDataset: {ids.Length} ids for {labels.Length} images.", nameof(ids));
        }

        _pixels = pixels;
        _labels = labels;
        _targets = targets;
        _ids = ids ?? Enumerable.Range(0, labels.Length).ToArray();
        Channels = channels;
        Height = height;
        Width = width;
    }

    /// <summary>Number of images.</summary>
    public int Count => _labels.Length;

    /// <summary>Channels per image (1 for digits, 3 for SVHN).</summary>
    public int Channels { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Bytes per image (C·H·W).</summary>
    public int ImageSize => Channels * Height * Width;

    /// <summary>All pixels, N×C×H×W.</summary>
    public ReadOnlyMemory<byte> Pixels => _pixels;

    /// <summary>The integer label of each image.</summary>
    public IReadOnlyList<int> Labels => Array.AsReadOnly(_labels);

    /// <summary>The real-valued target of each image, or null when the set has none.</summary>
    public IReadOnlyList<float>? Targets => _targets is null ? null : Array.AsReadOnly(_targets);

    /// <summary>Stable id of each image: its index in the set it was first cut from (kept by every manipulation).</summary>
    public IReadOnlyList<int> Ids => Array.AsReadOnly(_ids);

    internal byte[] PixelArray => _pixels;

    internal int[] LabelArray => _labels;

    internal float[]? TargetArray => _targets;

    internal int[] IdArray => _ids;

    /// <summary>The pixels of image <paramref name="index"/>.</summary>
    public ReadOnlySpan<byte> Image(int index)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(index);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
        return _pixels.AsSpan(index * ImageSize, ImageSize);
    }

    /// <summary>The examples at <paramref name="indices"/>, in that order (repeats allowed).</summary>
    public ImageDataset Subset(IReadOnlyList<int> indices)
    {
        ArgumentNullException.ThrowIfNull(indices);
        var size = ImageSize;
        var pixels = new byte[indices.Count * size];
        var labels = new int[indices.Count];
        var targets = _targets is null ? null : new float[indices.Count];
        var ids = new int[indices.Count];
        for (var i = 0; i < indices.Count; i++)
        {
            var k = indices[i];
            if ((uint)k >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"Subset: index {k} outside 0..{Count - 1}.");
            }

            _pixels.AsSpan(k * size, size).CopyTo(pixels.AsSpan(i * size, size));
            labels[i] = _labels[k];
            ids[i] = _ids[k];
            if (targets is not null && _targets is not null)
            {
                targets[i] = _targets[k];
            }
        }

        return new ImageDataset(pixels, labels, Channels, Height, Width, targets, ids);
    }

    /// <summary>The same images with new labels.</summary>
    public ImageDataset WithLabels(IReadOnlyList<int> labels)
    {
        ArgumentNullException.ThrowIfNull(labels);
        return new ImageDataset(_pixels, labels.ToArray(), Channels, Height, Width, _targets, _ids);
    }

    /// <summary>The same images with real-valued targets (or none when <paramref name="targets"/> is null).</summary>
    public ImageDataset WithTargets(IReadOnlyList<float>? targets) =>
        new(_pixels, _labels, Channels, Height, Width, targets?.ToArray(), _ids);

    /// <summary>The same images with each label's value as its regression target (digits 1/3/7/9 → 1f/3f/7f/9f).</summary>
    public ImageDataset WithLabelsAsTargets() => WithTargets(_labels.Select(l => (float)l).ToArray());

    /// <summary>Indices (positions in this set) of the images labelled <paramref name="label"/>, ascending.</summary>
    public int[] IndicesOf(int label)
    {
        var list = new List<int>();
        for (var i = 0; i < _labels.Length; i++)
        {
            if (_labels[i] == label)
            {
                list.Add(i);
            }
        }

        return [.. list];
    }

    /// <summary>The distinct labels present, ascending.</summary>
    public int[] Classes() => [.. _labels.Distinct().Order()];

    /// <summary>Number of images of each label, ascending by label.</summary>
    public IReadOnlyDictionary<int, int> ClassCounts() =>
        new SortedDictionary<int, int>(_labels.GroupBy(l => l).ToDictionary(g => g.Key, g => g.Count()));

    /// <summary>The images centred in a zero (black) canvas of <paramref name="height"/>×<paramref name="width"/>.</summary>
    public ImageDataset PadTo(int height, int width) => ImageTransforms.PadTo(this, height, width);

    /// <summary>The images with their single channel replicated <paramref name="channels"/> times (1→3 for RGB models).</summary>
    public ImageDataset ToChannels(int channels) => ImageTransforms.ToChannels(this, channels);

    /// <summary>This set followed by <paramref name="other"/> (same image shape; ids kept as they are).</summary>
    public ImageDataset Concat(ImageDataset other)
    {
        ArgumentNullException.ThrowIfNull(other);
        if (other.Channels != Channels || other.Height != Height || other.Width != Width)
        {
            throw new ArgumentException(
                $"Concat: images {other.Channels}x{other.Height}x{other.Width} do not match {Channels}x{Height}x{Width}.",
                nameof(other));
        }

        float[]? targets = (_targets, other._targets) switch
        {
            (null, null) => null,
            ({ } a, { } b) => [.. a, .. b],
            _ => throw new ArgumentException("Concat: one set has targets and the other has none.", nameof(other)),
        };
        return new ImageDataset([.. _pixels, .. other._pixels], [.. _labels, .. other._labels], Channels, Height, Width,
            targets, [.. _ids, .. other._ids]);
    }

    /// <inheritdoc/>
    public override string ToString() => $"ImageDataset({Count} images of {Channels}x{Height}x{Width})";
}
