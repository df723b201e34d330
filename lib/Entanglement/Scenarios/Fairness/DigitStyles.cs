using Entanglement.Data;

namespace Entanglement.Scenarios.Fairness;

/// <summary>Renders digit images in a <see cref="DigitStyle"/>.</summary>
public static class DigitStyles
{
    /// <summary>A copy of <paramref name="images"/> in <paramref name="style"/> (labels and ids kept).</summary>
    public static ImageDataset Render(ImageDataset images, DigitStyle style)
    {
        ArgumentNullException.ThrowIfNull(images);
        if (style == DigitStyle.Original)
        {
            return images;
        }

        var source = images.Pixels.Span;
        var pixels = new byte[source.Length];
        var (h, w) = (images.Height, images.Width);
        for (var plane = 0; plane < images.Count * images.Channels; plane++)
        {
            var offset = plane * h * w;
            for (var y = 0; y < h; y++)
            {
                for (var x = 0; x < w; x++)
                {
                    pixels[offset + (y * w) + x] = style switch
                    {
                        DigitStyle.Inverted => (byte)(255 - source[offset + (y * w) + x]),
                        DigitStyle.Thickened => Max3x3(source, offset, h, w, y, x),
                        _ => throw new ArgumentOutOfRangeException(nameof(style), style, "DigitStyles.Render: unknown style."),
                    };
                }
            }
        }

        return new ImageDataset(pixels, [.. images.Labels], images.Channels, h, w, images.Targets?.ToArray(), [.. images.Ids]);
    }

    private static byte Max3x3(ReadOnlySpan<byte> source, int offset, int h, int w, int y, int x)
    {
        byte max = 0;
        for (var dy = -1; dy <= 1; dy++)
        {
            for (var dx = -1; dx <= 1; dx++)
            {
                var (yy, xx) = (y + dy, x + dx);
                if (yy >= 0 && yy < h && xx >= 0 && xx < w)
                {
                    max = Math.Max(max, source[offset + (yy * w) + xx]);
                }
            }
        }

        return max;
    }
}
