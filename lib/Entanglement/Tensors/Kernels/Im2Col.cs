using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// Unfolds image patches into the columns of a matrix (im2col) and folds them back (col2im, accumulating), so
/// that a convolution becomes a matrix product. The column matrix has <see cref="ConvGeometry.PatchSize"/> rows
/// (channel, kernel row, kernel column) and, for a group of images, one column per output position of each image.
/// </summary>
internal static class Im2Col
{
    /// <summary>
    /// Writes the patches of one image <paramref name="x"/> (C×H×W) into columns
    /// [<paramref name="offset"/>, offset + OutPlane) of <paramref name="col"/> (PatchSize rows of
    /// <paramref name="rowLength"/>); padded positions become zero.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Pack(ReadOnlySpan<float> x, in ConvGeometry g, Span<float> col, int rowLength, int offset)
    {
        int outH = g.OutHeight, outW = g.OutWidth, s = g.Stride, p = g.Padding;
        if (s != 1)
        {
            PackStrided(x, g, col, rowLength, offset);
            return;
        }

        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            var plane = x.Slice(c * g.InPlane, g.InPlane);
            for (var ki = 0; ki < g.KernelHeight; ki++)
            {
                int ohLo = g.FirstValid(ki, outH), ohHi = g.EndValid(ki, g.Height, outH);
                for (var kj = 0; kj < g.KernelWidth; kj++, row++)
                {
                    int owLo = g.FirstValid(kj, outW), owHi = g.EndValid(kj, g.Width, outW);
                    var dst = col.Slice((row * rowLength) + offset, outH * outW);

                    dst[..(ohLo * outW)].Clear();
                    dst[(ohHi * outW)..].Clear();
                    for (var oh = ohLo; oh < ohHi; oh++)
                    {
                        var d = dst.Slice(oh * outW, outW);
                        d[..owLo].Clear();
                        d[owHi..].Clear();
                        plane.Slice(((oh - p + ki) * g.Width) + owLo - p + kj, owHi - owLo).CopyTo(d[owLo..owHi]);
                    }
                }
            }
        }
    }

    /// <summary>The adjoint of <see cref="Pack"/>: adds each column entry back into the image cell it came from.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Unpack(ReadOnlySpan<float> col, int rowLength, int offset, in ConvGeometry g, Span<float> dx)
    {
        int outH = g.OutHeight, outW = g.OutWidth, s = g.Stride, p = g.Padding;
        if (s != 1)
        {
            UnpackStrided(col, rowLength, offset, g, dx);
            return;
        }

        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            var plane = dx.Slice(c * g.InPlane, g.InPlane);
            for (var ki = 0; ki < g.KernelHeight; ki++)
            {
                int ohLo = g.FirstValid(ki, outH), ohHi = g.EndValid(ki, g.Height, outH);
                for (var kj = 0; kj < g.KernelWidth; kj++, row++)
                {
                    int owLo = g.FirstValid(kj, outW), owHi = g.EndValid(kj, g.Width, outW);
                    var src = col.Slice((row * rowLength) + offset, outH * outW);

                    for (var oh = ohLo; oh < ohHi; oh++)
                    {
                        var run = plane.Slice(((oh - p + ki) * g.Width) + owLo - p + kj, owHi - owLo);
                        TensorPrimitives.Add(run, src.Slice((oh * outW) + owLo, owHi - owLo), run);
                    }
                }
            }
        }
    }

    /// <summary>Largest canvas (floats) kept on the stack; bigger ones come from the array pool.</summary>
    private const int MaxStackCanvas = 4096;

    /// <summary>
    /// Floats of one channel's zero canvas, (H + 2p)×(W + 2p), plus 16 of slack: a vector gather or add of a row's last
    /// cells may touch up to 15 floats past them.
    /// </summary>
    private static int CanvasSize(in ConvGeometry g) => ((g.Height + (2 * g.Padding)) * (g.Width + (2 * g.Padding))) + 16;

    /// <summary>
    /// <see cref="Pack"/> for stride s &gt; 1: each channel is first copied into a zero canvas of (H + 2p)×(W + 2p), so
    /// every row of the column matrix is a plain gather with step s (for s = 2, eight cells from 16 consecutive floats).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PackStrided(ReadOnlySpan<float> x, in ConvGeometry g, Span<float> col, int rowLength, int offset)
    {
        int outH = g.OutHeight, outW = g.OutWidth, s = g.Stride, p = g.Padding;
        var pw = g.Width + (2 * p);
        var size = CanvasSize(g);
        var rented = size > MaxStackCanvas ? ArrayPool<float>.Shared.Rent(size) : null;
        var canvas = rented is null ? stackalloc float[size] : rented.AsSpan(0, size);
        canvas.Clear();
        ref var src0 = ref MemoryMarshal.GetReference(canvas);
        var vectorized = s == 2 && Vector256.IsHardwareAccelerated;
        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            for (var h = 0; h < g.Height; h++)
            {
                x.Slice((c * g.InPlane) + (h * g.Width), g.Width).CopyTo(canvas.Slice(((h + p) * pw) + p, g.Width));
            }

            for (var ki = 0; ki < g.KernelHeight; ki++)
            {
                for (var kj = 0; kj < g.KernelWidth; kj++, row++)
                {
                    var dst = col.Slice((row * rowLength) + offset, outH * outW);
                    ref var dst0 = ref MemoryMarshal.GetReference(dst);
                    for (var oh = 0; oh < outH; oh++)
                    {
                        // The last cell read is canvas[((outH − 1)·s + ki)·pw + (outW − 1)·s + kj], inside it.
                        ref var from = ref Unsafe.Add(ref src0, (((oh * s) + ki) * pw) + kj);
                        ref var to = ref Unsafe.Add(ref dst0, oh * outW);
                        var j = 0;
                        if (vectorized)
                        {
                            for (; j + 8 <= outW; j += 8)
                            {
                                var (even, _) = Lanes.EvenOdd(
                                    Vector256.LoadUnsafe(ref from, (nuint)(2 * j)), Vector256.LoadUnsafe(ref from, (nuint)((2 * j) + 8)));
                                even.StoreUnsafe(ref to, (nuint)j);
                            }
                        }

                        for (; j < outW; j++)
                        {
                            Unsafe.Add(ref to, j) = Unsafe.Add(ref from, j * s);
                        }
                    }
                }
            }
        }

        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    /// <summary>
    /// The adjoint of <see cref="PackStrided"/>: each channel's column rows are added into a zero canvas of
    /// (H + 2p)×(W + 2p) (for s = 2, eight cells at a time, interleaved with zeros), whose interior is then added to dx.
    /// Each cell receives its terms in the order of the scalar sweep.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void UnpackStrided(ReadOnlySpan<float> col, int rowLength, int offset, in ConvGeometry g, Span<float> dx)
    {
        int outH = g.OutHeight, outW = g.OutWidth, s = g.Stride, p = g.Padding;
        var pw = g.Width + (2 * p);
        var size = CanvasSize(g);
        var rented = size > MaxStackCanvas ? ArrayPool<float>.Shared.Rent(size) : null;
        var canvas = rented is null ? stackalloc float[size] : rented.AsSpan(0, size);
        ref var canvas0 = ref MemoryMarshal.GetReference(canvas);
        var vectorized = s == 2 && Vector256.IsHardwareAccelerated;
        var row = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            canvas.Clear();
            for (var ki = 0; ki < g.KernelHeight; ki++)
            {
                for (var kj = 0; kj < g.KernelWidth; kj++, row++)
                {
                    var src = col.Slice((row * rowLength) + offset, outH * outW);
                    ref var src0 = ref MemoryMarshal.GetReference(src);
                    for (var oh = 0; oh < outH; oh++)
                    {
                        ref var to = ref Unsafe.Add(ref canvas0, (((oh * s) + ki) * pw) + kj);
                        ref var from = ref Unsafe.Add(ref src0, oh * outW);
                        var j = 0;
                        if (vectorized)
                        {
                            for (; j + 8 <= outW; j += 8)
                            {
                                var (lo, hi) = Lanes.Interleave(Vector256.LoadUnsafe(ref from, (nuint)j), Vector256<float>.Zero);
                                (Vector256.LoadUnsafe(ref to, (nuint)(2 * j)) + lo).StoreUnsafe(ref to, (nuint)(2 * j));
                                (Vector256.LoadUnsafe(ref to, (nuint)((2 * j) + 8)) + hi).StoreUnsafe(ref to, (nuint)((2 * j) + 8));
                            }
                        }

                        for (; j < outW; j++)
                        {
                            Unsafe.Add(ref to, j * s) += Unsafe.Add(ref from, j);
                        }
                    }
                }
            }

            for (var h = 0; h < g.Height; h++)
            {
                var run = dx.Slice((c * g.InPlane) + (h * g.Width), g.Width);
                TensorPrimitives.Add(run, canvas.Slice(((h + p) * pw) + p, g.Width), run);
            }
        }

        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }
}
