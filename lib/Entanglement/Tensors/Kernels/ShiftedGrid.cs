using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// A group of <paramref name="Images"/> images laid out for <see cref="ShiftedConvKernel"/>: each channel is
/// <see cref="Phases"/> planes holding the images one after another, each zero-padded by
/// <paramref name="PadHeight"/>×<paramref name="PadWidth"/> and cut into <see cref="Rows"/>×<see cref="PaddedWidth"/>
/// cells. With <paramref name="Stride"/> 1 there is one phase, the padded image itself; with stride s there are s²
/// (polyphase): phase (a, b) holds the padded image's cells (s·i + a, s·j + b). On this flattened layout a
/// correlation with a <paramref name="KernelHeight"/>×<paramref name="KernelWidth"/> window moved by s is a sum of
/// shifted copies: the output at position q = n·ImageStride + oh·PaddedWidth + ow (oh &lt; OutHeight, ow &lt;
/// OutWidth) reads tap (ki, kj) of channel c at q + <see cref="Offset"/>(c, ki, kj). Positions with ow ≥ OutWidth
/// or oh ≥ OutHeight are computed too and thrown away.
/// </summary>
internal readonly record struct ShiftedGrid(
    int Channels,
    int Height,
    int Width,
    int PadHeight,
    int PadWidth,
    int KernelHeight,
    int KernelWidth,
    int Images,
    int Stride = 1)
{
    /// <summary>Output rows per image.</summary>
    public int OutHeight => ((Height + (2 * PadHeight) - KernelHeight) / Stride) + 1;

    /// <summary>Output columns per image.</summary>
    public int OutWidth => ((Width + (2 * PadWidth) - KernelWidth) / Stride) + 1;

    /// <summary>Planes per channel: Stride².</summary>
    public int Phases => Stride * Stride;

    /// <summary>Row length of one phase plane (the padded row length at stride 1).</summary>
    public int PaddedWidth => OutWidth + ((KernelWidth - 1) / Stride);

    /// <summary>Rows of one image in one phase plane (the padded height at stride 1).</summary>
    public int Rows => OutHeight + ((KernelHeight - 1) / Stride);

    /// <summary>Floats of one image in one phase plane.</summary>
    public int ImageStride => Rows * PaddedWidth;

    /// <summary>Flattened output positions computed, a multiple of <see cref="ShiftedMicroKernel.Columns"/>.</summary>
    public int Positions => ((Images * ImageStride) + ShiftedMicroKernel.Columns - 1) / ShiftedMicroKernel.Columns * ShiftedMicroKernel.Columns;

    /// <summary>The largest shift of a window tap within its phase plane.</summary>
    public int MaxShift => ((KernelHeight - 1) / Stride * PaddedWidth) + ((KernelWidth - 1) / Stride);

    /// <summary>Floats per phase plane: every position plus the largest shift, so no read leaves the buffer.</summary>
    public int PlaneStride => (Positions + MaxShift + 15) / 16 * 16;

    /// <summary>Floats of the whole buffer.</summary>
    public int BufferSize => Channels * Phases * PlaneStride;

    /// <summary>Where tap (<paramref name="ki"/>, <paramref name="kj"/>) of channel <paramref name="c"/> reads, relative to the output position.</summary>
    public int Offset(int c, int ki, int kj) =>
        ((((c * Phases) + (ki % Stride * Stride) + (kj % Stride)) * PlaneStride) + (ki / Stride * PaddedWidth) + (kj / Stride));

    /// <summary>Whether a window tap reads phase (<paramref name="a"/>, <paramref name="b"/>) (a 1×1 window at stride 2 reads only (0, 0)).</summary>
    public bool Read(int a, int b) => a < KernelHeight && b < KernelWidth;

    /// <summary>
    /// Images per group for a batch: a group's input buffer and its output rows stay near 4 MB each.
    /// </summary>
    public static int ImagesPerGroup(int channels, int outputRows, int imageStride, int batch) =>
        Math.Clamp((1 << 20) / Math.Max(1, Math.Max(channels, outputRows) * imageStride), 1, Math.Max(1, batch));

    /// <summary>
    /// Writes <paramref name="count"/> images of <paramref name="x"/> (each C×H×W, consecutive) into
    /// <paramref name="buffer"/>, zero everywhere else.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Fill(ReadOnlySpan<float> x, int count, Span<float> buffer)
    {
        if (Stride == 1 || (KernelHeight >= Stride && KernelWidth >= Stride))
        {
            buffer[..BufferSize].Clear();
        }
        else
        {
            // Phases no tap reads stay as they are.
            for (var p = 0; p < Channels * Phases; p++)
            {
                if (Read(p % Phases / Stride, p % Stride))
                {
                    buffer.Slice(p * PlaneStride, PlaneStride).Clear();
                }
            }
        }

        int plane = Height * Width, pw = PaddedWidth;
        for (var n = 0; n < count; n++)
        {
            for (var c = 0; c < Channels; c++)
            {
                var src = x.Slice(((n * Channels) + c) * plane, plane);
                if (Stride == 1)
                {
                    var dst = buffer.Slice((c * PlaneStride) + (n * ImageStride) + (PadHeight * pw) + PadWidth);
                    for (var h = 0; h < Height; h++)
                    {
                        src.Slice(h * Width, Width).CopyTo(dst.Slice(h * pw, Width));
                    }

                    continue;
                }

                FillPhases(src, buffer.Slice(c * Phases * PlaneStride), n);
            }
        }
    }

    /// <summary>
    /// Splits one channel of image <paramref name="n"/> into its phase planes: padded cell (s·i + a, s·j + b) goes to
    /// row i, column j of phase (a, b).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void FillPhases(ReadOnlySpan<float> src, Span<float> planes, int n)
    {
        int pw = PaddedWidth, rows = Rows, s = Stride;
        ref var x = ref MemoryMarshal.GetReference(src);
        ref var p0 = ref MemoryMarshal.GetReference(planes);
        for (var a = 0; a < s && a < KernelHeight; a++)
        {
            for (var i = 0; i < rows; i++)
            {
                var h = (s * i) + a - PadHeight;
                if (h < 0 || h >= Height)
                {
                    continue;
                }

                ref var row = ref Unsafe.Add(ref x, h * Width);
                for (var b = 0; b < s; b++)
                {
                    if (!Read(a, b))
                    {
                        continue;
                    }

                    // Columns j with 0 ≤ s·j + b − padW < W.
                    var first = Math.Max(0, (PadWidth - b + s - 1) / s);
                    var end = Math.Min(pw, ((Width - 1 + PadWidth - b) / s) + 1);
                    ref var dst = ref Unsafe.Add(ref p0, ((((a * s) + b) * PlaneStride) + (n * ImageStride) + (i * pw)));
                    for (var j = first; j < end; j++)
                    {
                        Unsafe.Add(ref dst, j) = Unsafe.Add(ref row, (s * j) + b - PadWidth);
                    }
                }
            }
        }
    }
}
