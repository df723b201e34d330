namespace Entanglement.Data;

/// <summary>Whole-set image transforms: zero padding (28→32) and channel replication (1→3).</summary>
public static class ImageTransforms
{
    /// <summary>Centres each image in a zero canvas of <paramref name="height"/>×<paramref name="width"/> (28→32 pads 2 px per side).</summary>
    public static ImageDataset PadTo(ImageDataset dataset, int height, int width)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (height < dataset.Height || width < dataset.Width)
        {
            throw new ArgumentException(
                $"PadTo: {height}x{width} is smaller than the images ({dataset.Height}x{dataset.Width}).", nameof(height));
        }

        if (height == dataset.Height && width == dataset.Width)
        {
            return dataset;
        }

        int top = (height - dataset.Height) / 2, left = (width - dataset.Width) / 2;
        var src = dataset.PixelArray;
        var planes = dataset.Count * dataset.Channels;
        var dst = new byte[planes * height * width];
        for (var p = 0; p < planes; p++)
        {
            for (var y = 0; y < dataset.Height; y++)
            {
                src.AsSpan((((p * dataset.Height) + y) * dataset.Width), dataset.Width)
                    .CopyTo(dst.AsSpan((((p * height) + y + top) * width) + left, dataset.Width));
            }
        }

        return new ImageDataset(dst, dataset.LabelArray, dataset.Channels, height, width, dataset.TargetArray, dataset.IdArray);
    }

    /// <summary>Replicates a single channel <paramref name="channels"/> times (grey → RGB).</summary>
    public static ImageDataset ToChannels(ImageDataset dataset, int channels)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        ArgumentOutOfRangeException.ThrowIfLessThan(channels, 1);
        if (channels == dataset.Channels)
        {
            return dataset;
        }

        if (dataset.Channels != 1)
        {
            throw new ArgumentException(
                $"ToChannels: only single-channel images can be replicated; these have {dataset.Channels}.", nameof(dataset));
        }

        var plane = dataset.Height * dataset.Width;
        var src = dataset.PixelArray;
        var dst = new byte[src.Length * channels];
        for (var n = 0; n < dataset.Count; n++)
        {
            var image = src.AsSpan(n * plane, plane);
            for (var c = 0; c < channels; c++)
            {
                image.CopyTo(dst.AsSpan(((n * channels) + c) * plane, plane));
            }
        }

        return new ImageDataset(dst, dataset.LabelArray, channels, dataset.Height, dataset.Width, dataset.TargetArray, dataset.IdArray);
    }
}
