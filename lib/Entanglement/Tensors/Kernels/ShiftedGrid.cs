namespace Entanglement.Tensors.Kernels;

/// <summary>
/// A group of <paramref name="Images"/> images laid out for <see cref="ShiftedConvKernel"/>: each channel is one
/// plane holding the images one after another, each zero-padded to (H + 2·padH)×(W + 2·padW). On this flattened
/// layout a stride-1 correlation with a <paramref name="KernelHeight"/>×<paramref name="KernelWidth"/> window is a
/// sum of shifted copies: the output at position q = n·ImageStride + oh·PaddedWidth + ow (oh &lt; OutHeight,
/// ow &lt; OutWidth) reads the input at q + ki·PaddedWidth + kj. Positions with ow ≥ OutWidth or oh ≥ OutHeight are
/// computed too and thrown away.
/// </summary>
internal readonly record struct ShiftedGrid(
    int Channels,
    int Height,
    int Width,
    int PadHeight,
    int PadWidth,
    int KernelHeight,
    int KernelWidth,
    int Images)
{
    /// <summary>Padded row length.</summary>
    public int PaddedWidth => Width + (2 * PadWidth);

    /// <summary>Padded image size (floats of one channel of one image).</summary>
    public int ImageStride => (Height + (2 * PadHeight)) * PaddedWidth;

    /// <summary>Output rows per image.</summary>
    public int OutHeight => Height + (2 * PadHeight) - KernelHeight + 1;

    /// <summary>Output columns per image.</summary>
    public int OutWidth => PaddedWidth - KernelWidth + 1;

    /// <summary>Flattened output positions computed, a multiple of <see cref="ShiftedMicroKernel.Columns"/>.</summary>
    public int Positions => ((Images * ImageStride) + ShiftedMicroKernel.Columns - 1) / ShiftedMicroKernel.Columns * ShiftedMicroKernel.Columns;

    /// <summary>The largest shift of a window tap.</summary>
    public int MaxShift => ((KernelHeight - 1) * PaddedWidth) + KernelWidth - 1;

    /// <summary>Floats per channel plane: every position plus the largest shift, so no read leaves the buffer.</summary>
    public int PlaneStride => (Positions + MaxShift + 15) / 16 * 16;

    /// <summary>Floats of the whole buffer.</summary>
    public int BufferSize => Channels * PlaneStride;

    /// <summary>
    /// Images per group for a batch: a group's input buffer and its output rows stay near 4 MB each.
    /// </summary>
    public static int ImagesPerGroup(int channels, int outputRows, int imageStride, int batch) =>
        Math.Clamp((1 << 20) / Math.Max(1, Math.Max(channels, outputRows) * imageStride), 1, Math.Max(1, batch));

    /// <summary>
    /// Writes <paramref name="count"/> images of <paramref name="x"/> (each C×H×W, consecutive) into
    /// <paramref name="buffer"/>, zero everywhere else.
    /// </summary>
    public void Fill(ReadOnlySpan<float> x, int count, Span<float> buffer)
    {
        buffer[..BufferSize].Clear();
        int plane = Height * Width, pw = PaddedWidth;
        for (var n = 0; n < count; n++)
        {
            for (var c = 0; c < Channels; c++)
            {
                var src = x.Slice(((n * Channels) + c) * plane, plane);
                var dst = buffer.Slice((c * PlaneStride) + (n * ImageStride) + (PadHeight * pw) + PadWidth);
                for (var h = 0; h < Height; h++)
                {
                    src.Slice(h * Width, Width).CopyTo(dst.Slice(h * pw, Width));
                }
            }
        }
    }
}
