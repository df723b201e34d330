using Entanglement.Data;

namespace Entanglement.Tests.Data;

/// <summary>Small hand-made image sets for the data tests.</summary>
internal static class TestImages
{
    /// <summary>One image per label, C×H×W, pixel value = (image index + pixel position) mod 256.</summary>
    public static ImageDataset Make(int[] labels, int channels = 1, int height = 4, int width = 4)
    {
        var size = channels * height * width;
        var pixels = new byte[labels.Length * size];
        for (var i = 0; i < pixels.Length; i++)
        {
            pixels[i] = (byte)(((i / size) * 7 + (i % size)) % 256);
        }

        return new ImageDataset(pixels, labels, channels, height, width);
    }

    /// <summary>Labels repeating 0…classes-1 with <paramref name="perClass"/>[c] images of class c.</summary>
    public static int[] Labels(params int[] perClass) =>
        [.. perClass.SelectMany((n, c) => Enumerable.Repeat(c, n))];

    /// <summary>A fresh temporary folder, deleted by the caller.</summary>
    public static string TempFolder()
    {
        var path = Path.Combine(Path.GetTempPath(), "entanglement-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(path);
        return path;
    }
}
