using Entanglement.Data;
using Rng = Entanglement.Tensors.Rng;

namespace Entanglement.Torch.Tests;

/// <summary>Small seeded image sets whose class shows in the pixels (so training has something to learn).</summary>
internal static class Synthetic
{
    public static ImageDataset Images(int count, int channels, int classes, Rng rng)
    {
        var pixels = new byte[count * channels * 32 * 32];
        var labels = new int[count];
        for (var i = 0; i < count; i++)
        {
            labels[i] = i % classes;
            for (var j = 0; j < channels * 32 * 32; j++)
            {
                var row = j / 32 % 32;
                var signal = row / 4 % classes == labels[i] ? 160 : 40;
                pixels[(i * channels * 32 * 32) + j] = (byte)Math.Clamp(signal + rng.NextInt(60), 0, 255);
            }
        }

        return new ImageDataset(pixels, labels, channels, 32, 32);
    }
}
