namespace Entanglement.Data;

/// <summary>Per-channel normalisation of pixels scaled to [0, 1]: (x − mean) / std (as torchvision's Normalize).</summary>
public sealed record Normalization
{
    /// <summary>Creates the normalisation; one mean and one positive std per channel.</summary>
    public Normalization(IReadOnlyList<float> mean, IReadOnlyList<float> std)
    {
        ArgumentNullException.ThrowIfNull(mean);
        ArgumentNullException.ThrowIfNull(std);
        if (mean.Count == 0 || mean.Count != std.Count)
        {
            throw new ArgumentException($"Normalization: {mean.Count} means for {std.Count} stds.", nameof(mean));
        }

        if (std.Any(s => !(s > 0f)))
        {
            throw new ArgumentException("Normalization: every std must be positive.", nameof(std));
        }

        Mean = [.. mean];
        Std = [.. std];
    }

    /// <summary>MNIST's statistics, (x − 0.1307)/0.3081, used for the embedded digits.</summary>
    public static Normalization Digits { get; } = new([0.1307f], [0.3081f]);

    /// <summary>SVHN's commonly used training-set statistics per RGB channel.</summary>
    public static Normalization Svhn { get; } = new([0.4377f, 0.4438f, 0.4728f], [0.1980f, 0.2010f, 0.1970f]);

    /// <summary>No normalisation: pixels scaled to [0, 1] only.</summary>
    public static Normalization None { get; } = new([0f], [1f]);

    /// <summary>Mean per channel.</summary>
    public IReadOnlyList<float> Mean { get; }

    /// <summary>Standard deviation per channel.</summary>
    public IReadOnlyList<float> Std { get; }

    /// <summary>A 256-entry table per channel mapping a byte to its normalised value (a single-entry rule covers every channel).</summary>
    internal float[][] Lookup(int channels)
    {
        if (Mean.Count != 1 && Mean.Count != channels)
        {
            throw new ArgumentException($"Normalization: {Mean.Count} channel statistics for {channels}-channel images.");
        }

        var tables = new float[channels][];
        for (var c = 0; c < channels; c++)
        {
            var k = Mean.Count == 1 ? 0 : c;
            tables[c] = new float[256];
            for (var v = 0; v < 256; v++)
            {
                tables[c][v] = ((v / 255f) - Mean[k]) / Std[k];
            }
        }

        return tables;
    }
}
