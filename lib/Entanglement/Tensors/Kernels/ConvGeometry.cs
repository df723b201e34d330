namespace Entanglement.Tensors.Kernels;

/// <summary>
/// The sizes of one 2-D convolution or pooling window sweep over a single image plane stack:
/// <paramref name="Channels"/>×<paramref name="Height"/>×<paramref name="Width"/> input, a
/// <paramref name="KernelHeight"/>×<paramref name="KernelWidth"/> window moved by <paramref name="Stride"/> over the
/// input zero-padded by <paramref name="Padding"/> on every side.
/// </summary>
internal readonly record struct ConvGeometry(
    int Channels,
    int Height,
    int Width,
    int KernelHeight,
    int KernelWidth,
    int Stride,
    int Padding)
{
    /// <summary>Output rows: ⌊(H + 2p − kH) / s⌋ + 1.</summary>
    public int OutHeight => ((Height + (2 * Padding) - KernelHeight) / Stride) + 1;

    /// <summary>Output columns: ⌊(W + 2p − kW) / s⌋ + 1.</summary>
    public int OutWidth => ((Width + (2 * Padding) - KernelWidth) / Stride) + 1;

    /// <summary>Output positions per channel.</summary>
    public int OutPlane => OutHeight * OutWidth;

    /// <summary>Input positions per channel.</summary>
    public int InPlane => Height * Width;

    /// <summary>Rows of the im2col matrix: C·kH·kW.</summary>
    public int PatchSize => Channels * KernelHeight * KernelWidth;

    /// <summary>First output index (of <paramref name="size"/>) whose window offset <paramref name="k"/> lands
    /// inside the input (not in the padding before it).</summary>
    public int FirstValid(int k, int size)
    {
        var lo = Padding - k;
        return lo <= 0 ? 0 : Math.Min((lo + Stride - 1) / Stride, size);
    }

    /// <summary>One past the last output index whose window offset <paramref name="k"/> lands inside an axis of
    /// <paramref name="extent"/> input cells, clamped to <paramref name="size"/> outputs.</summary>
    public int EndValid(int k, int extent, int size)
    {
        var hi = extent - 1 + Padding - k;
        return hi < 0 ? 0 : Math.Min((hi / Stride) + 1, size);
    }
}
