using Entanglement.Tensors;

namespace Entanglement.Data;

/// <summary>
/// Upstream training augmentation (paper, Section 4 and its public code): a random crop of the original size from the
/// image zero-padded by <see cref="CropPadding"/> pixels, and an optional horizontal flip with probability ½. The flip is
/// off by default: a mirrored digit is another glyph (the paper's code flipped SVHN; set it to reproduce that).
/// </summary>
public sealed record Augmentation
{
    /// <summary>Zero padding before the random crop (4 in the paper); 0 disables cropping.</summary>
    public int CropPadding { get; init; } = 4;

    /// <summary>Whether to mirror each image left–right with probability ½.</summary>
    public bool HorizontalFlip { get; init; }

    /// <summary>The paper's augmentation without the flip (the digits default).</summary>
    public static Augmentation Standard { get; } = new();

    /// <summary>The paper code's augmentation: crop with 4-px padding and horizontal flips.</summary>
    public static Augmentation WithFlip { get; } = new() { HorizontalFlip = true };

    /// <summary>
    /// Writes one augmented, normalised image into <paramref name="destination"/> (C×H×W floats); draws the crop offsets
    /// (two draws when cropping) and the flip (one draw when enabled) from <paramref name="rng"/>.
    /// </summary>
    internal void Apply(ReadOnlySpan<byte> image, int channels, int height, int width, float[][] lookup, Rng rng, Span<float> destination)
    {
        if (CropPadding < 0)
        {
            throw new InvalidOperationException($"Augmentation: CropPadding {CropPadding} is negative.");
        }

        int dy = 0, dx = 0;
        if (CropPadding > 0)
        {
            dy = rng.NextInt((2 * CropPadding) + 1) - CropPadding;
            dx = rng.NextInt((2 * CropPadding) + 1) - CropPadding;
        }

        var flip = HorizontalFlip && rng.NextDouble() < 0.5;
        for (var c = 0; c < channels; c++)
        {
            var table = lookup[c];
            var zero = table[0];
            for (var y = 0; y < height; y++)
            {
                var sy = y + dy;
                var row = destination.Slice(((c * height) + y) * width, width);
                if ((uint)sy >= (uint)height)
                {
                    row.Fill(zero);
                    continue;
                }

                var srcRow = image.Slice(((c * height) + sy) * width, width);
                for (var x = 0; x < width; x++)
                {
                    var sx = (flip ? width - 1 - x : x) + dx;
                    row[x] = (uint)sx < (uint)width ? table[srcRow[sx]] : zero;
                }
            }
        }
    }
}
