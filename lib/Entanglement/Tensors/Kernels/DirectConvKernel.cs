using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// Direct stride-1 convolution for small patches (C·kH·kW ≤ <see cref="MaxPatch"/>, e.g. the first layer of a
/// grey-scale net, where im2col would copy every pixel kH·kW times for a product with a tiny reduction): each image
/// is zero-padded once and every output row is a sum of shifted input rows times broadcast weights, 8 columns per
/// vector. Images (forward) and output channels (weight gradient) run in parallel; each sum runs in a fixed order.
/// </summary>
internal static class DirectConvKernel
{
    /// <summary>Largest C·kH·kW handled directly.</summary>
    public const int MaxPatch = 32;

    /// <summary>Whether the direct kernels apply to <paramref name="g"/>.</summary>
    public static bool Applies(in ConvGeometry g) => g.Stride == 1 && g.PatchSize <= MaxPatch && g.OutWidth >= 8;

    /// <summary>y [N, Cout, OutH, OutW] = w ⋆ x (+ bias), as <see cref="Conv2dKernel.Forward"/>.</summary>
    public static void Forward(float[] x, float[] w, float[]? bias, int batch, int outChannels, ConvGeometry g, float[] y)
    {
        int inSize = g.Channels * g.InPlane, padded = PaddedSize(g), outSize = outChannels * g.OutPlane;
        Parallelism.For(batch, (long)outSize * g.PatchSize, n =>
        {
            var image = ArrayPool<float>.Shared.Rent(padded);
            try
            {
                Pad(x.AsSpan(n * inSize, inSize), g, image);
                for (var co = 0; co < outChannels; co++)
                {
                    Plane(image, w.AsSpan(co * g.PatchSize, g.PatchSize), bias?[co] ?? 0f, g,
                        y.AsSpan((n * outSize) + (co * g.OutPlane), g.OutPlane));
                }
            }
            finally
            {
                ArrayPool<float>.Shared.Return(image);
            }
        });
    }

    /// <summary>dw = Σₙ dyₙ ⋆ xₙ and db = Σ dy (each overwritten; db may be null), summed per image in float, across images in double.</summary>
    public static void WeightGradient(float[] x, float[] dy, int batch, int outChannels, ConvGeometry g, float[] dw, float[]? db)
    {
        int inSize = g.Channels * g.InPlane, padded = PaddedSize(g), outSize = outChannels * g.OutPlane;
        var images = ArrayPool<float>.Shared.Rent(batch * padded);
        try
        {
            Parallelism.For(batch, inSize, n => Pad(x.AsSpan(n * inSize, inSize), g, images.AsSpan(n * padded, padded)));
            Parallelism.For(outChannels, (long)batch * g.OutPlane * g.PatchSize, co =>
            {
                Span<double> sums = stackalloc double[MaxPatch + 1];
                sums.Clear();
                for (var n = 0; n < batch; n++)
                {
                    var plane = dy.AsSpan((n * outSize) + (co * g.OutPlane), g.OutPlane);
                    Correlate(images.AsSpan(n * padded, padded), plane, g, sums);
                }

                for (var p = 0; p < g.PatchSize; p++)
                {
                    dw[(co * g.PatchSize) + p] = (float)sums[p];
                }

                if (db is not null)
                {
                    db[co] = (float)sums[g.PatchSize];
                }
            });
        }
        finally
        {
            ArrayPool<float>.Shared.Return(images);
        }
    }

    private static int PaddedWidth(in ConvGeometry g) => g.Width + (2 * g.Padding);

    private static int PaddedSize(in ConvGeometry g) => g.Channels * (g.Height + (2 * g.Padding)) * PaddedWidth(g);

    /// <summary>Copies one image into a zero canvas of (H + 2p)×(W + 2p) per channel.</summary>
    private static void Pad(ReadOnlySpan<float> x, in ConvGeometry g, Span<float> image)
    {
        int pw = PaddedWidth(g), ph = g.Height + (2 * g.Padding);
        image[..PaddedSize(g)].Clear();
        for (var c = 0; c < g.Channels; c++)
        {
            for (var h = 0; h < g.Height; h++)
            {
                x.Slice((c * g.InPlane) + (h * g.Width), g.Width)
                    .CopyTo(image.Slice((((c * ph) + h + g.Padding) * pw) + g.Padding, g.Width));
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
#if NET9_0_OR_GREATER
        Vector256.FusedMultiplyAdd(a, b, c);
#else
        (a * b) + c;
#endif

    /// <summary>One output plane: out[oh, ow] = bias + Σ_(c, ki, kj) w[c, ki, kj]·image[c, oh + ki, ow + kj].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Plane(ReadOnlySpan<float> image, ReadOnlySpan<float> w, float bias, in ConvGeometry g, Span<float> output)
    {
        int pw = PaddedWidth(g), ph = g.Height + (2 * g.Padding), outW = g.OutWidth, kh = g.KernelHeight, kw = g.KernelWidth;
        var vectorEnd = outW - (outW % Vector256<float>.Count);
        ref var src = ref MemoryMarshal.GetReference(image);
        ref var dst = ref MemoryMarshal.GetReference(output);
        _ = image[PaddedSize(g) - 1];
        _ = output[g.OutPlane - 1];
        _ = w[g.PatchSize - 1];
        const int V = 8;
        for (var oh = 0; oh < g.OutHeight; oh++)
        {
            var ow = 0;

            // Four vectors at a time: four independent FMA chains share each broadcast weight.
            for (; ow + (4 * V) <= vectorEnd; ow += 4 * V)
            {
                Vector256<float> a0 = Vector256.Create(bias), a1 = a0, a2 = a0, a3 = a0;
                var p = 0;
                for (var c = 0; c < g.Channels; c++)
                {
                    for (var ki = 0; ki < kh; ki++)
                    {
                        ref var row = ref Unsafe.Add(ref src, (((c * ph) + oh + ki) * pw) + ow);
                        for (var kj = 0; kj < kw; kj++, p++)
                        {
                            var wv = Vector256.Create(w[p]);
                            a0 = Fma(wv, Vector256.LoadUnsafe(ref row, (nuint)kj), a0);
                            a1 = Fma(wv, Vector256.LoadUnsafe(ref row, (nuint)(kj + V)), a1);
                            a2 = Fma(wv, Vector256.LoadUnsafe(ref row, (nuint)(kj + (2 * V))), a2);
                            a3 = Fma(wv, Vector256.LoadUnsafe(ref row, (nuint)(kj + (3 * V))), a3);
                        }
                    }
                }

                ref var o = ref Unsafe.Add(ref dst, (oh * outW) + ow);
                a0.StoreUnsafe(ref o);
                a1.StoreUnsafe(ref o, V);
                a2.StoreUnsafe(ref o, 2 * V);
                a3.StoreUnsafe(ref o, 3 * V);
            }

            for (; ow < vectorEnd; ow += V)
            {
                var acc = Vector256.Create(bias);
                var p = 0;
                for (var c = 0; c < g.Channels; c++)
                {
                    for (var ki = 0; ki < kh; ki++)
                    {
                        var row = (((c * ph) + oh + ki) * pw) + ow;
                        for (var kj = 0; kj < kw; kj++, p++)
                        {
                            acc = Fma(Vector256.Create(w[p]), Vector256.LoadUnsafe(ref src, (nuint)(row + kj)), acc);
                        }
                    }
                }

                acc.StoreUnsafe(ref dst, (nuint)((oh * outW) + ow));
            }

            for (; ow < outW; ow++)
            {
                var sum = bias;
                var p = 0;
                for (var c = 0; c < g.Channels; c++)
                {
                    for (var ki = 0; ki < kh; ki++)
                    {
                        var row = (((c * ph) + oh + ki) * pw) + ow;
                        for (var kj = 0; kj < kw; kj++, p++)
                        {
                            sum = MathF.FusedMultiplyAdd(w[p], image[row + kj], sum);
                        }
                    }
                }

                output[(oh * outW) + ow] = sum;
            }
        }
    }

    /// <summary>
    /// sums[kj] += Σ_(oh, ow) dy[oh, ow]·image[firstRow + oh, ow + kj] for kj = 0..4, for an output width that is a
    /// multiple of 8.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void CorrelateRowOfFive(ref float image, ref float dy, int firstRow, int pw, int outW, int outH, Span<double> sums)
    {
        Vector256<float> a0 = Vector256<float>.Zero, a1 = a0, a2 = a0, a3 = a0, a4 = a0;
        for (var oh = 0; oh < outH; oh++)
        {
            ref var row = ref Unsafe.Add(ref image, (firstRow + oh) * pw);
            ref var d = ref Unsafe.Add(ref dy, oh * outW);
            for (var ow = 0; ow < outW; ow += Vector256<float>.Count)
            {
                var g = Vector256.LoadUnsafe(ref d, (nuint)ow);
                ref var s = ref Unsafe.Add(ref row, ow);
                a0 = Fma(g, Vector256.LoadUnsafe(ref s), a0);
                a1 = Fma(g, Vector256.LoadUnsafe(ref s, 1), a1);
                a2 = Fma(g, Vector256.LoadUnsafe(ref s, 2), a2);
                a3 = Fma(g, Vector256.LoadUnsafe(ref s, 3), a3);
                a4 = Fma(g, Vector256.LoadUnsafe(ref s, 4), a4);
            }
        }

        sums[0] += Vector256.Sum(a0);
        sums[1] += Vector256.Sum(a1);
        sums[2] += Vector256.Sum(a2);
        sums[3] += Vector256.Sum(a3);
        sums[4] += Vector256.Sum(a4);
    }

    /// <summary>sums[p] += Σ_(oh, ow) dy[oh, ow]·image[c, oh + ki, ow + kj] for each tap p = (c, ki, kj), and sums[PatchSize] += Σ dy.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Correlate(ReadOnlySpan<float> image, ReadOnlySpan<float> dy, in ConvGeometry g, Span<double> sums)
    {
        int pw = PaddedWidth(g), ph = g.Height + (2 * g.Padding), outW = g.OutWidth, outH = g.OutHeight;
        var vectorEnd = outW - (outW % Vector256<float>.Count);
        ref var src = ref MemoryMarshal.GetReference(image);
        ref var grad = ref MemoryMarshal.GetReference(dy);
        _ = image[PaddedSize(g) - 1];
        _ = dy[g.OutPlane - 1];
        var p = 0;
        for (var c = 0; c < g.Channels; c++)
        {
            for (var ki = 0; ki < g.KernelHeight; ki++)
            {
                if (g.KernelWidth == 5 && vectorEnd == outW)
                {
                    // The five taps of a kernel row share each load of dy: five FMA chains, one per tap.
                    CorrelateRowOfFive(ref src, ref grad, (c * ph) + ki, pw, outW, outH, sums.Slice(p, 5));
                    p += 5;
                    continue;
                }

                for (var kj = 0; kj < g.KernelWidth; kj++, p++)
                {
                    // Four FMA chains (by column vector modulo 4), summed in a fixed order at the end.
                    Vector256<float> acc = Vector256<float>.Zero, acc1 = acc, acc2 = acc, acc3 = acc;
                    var tail = 0f;
                    for (var oh = 0; oh < outH; oh++)
                    {
                        var row = (((c * ph) + oh + ki) * pw) + kj;
                        var ow = 0;
                        for (; ow + (4 * Vector256<float>.Count) <= vectorEnd; ow += 4 * Vector256<float>.Count)
                        {
                            ref var d = ref Unsafe.Add(ref grad, (oh * outW) + ow);
                            ref var s = ref Unsafe.Add(ref src, row + ow);
                            acc = Fma(Vector256.LoadUnsafe(ref d), Vector256.LoadUnsafe(ref s), acc);
                            acc1 = Fma(Vector256.LoadUnsafe(ref d, 8), Vector256.LoadUnsafe(ref s, 8), acc1);
                            acc2 = Fma(Vector256.LoadUnsafe(ref d, 16), Vector256.LoadUnsafe(ref s, 16), acc2);
                            acc3 = Fma(Vector256.LoadUnsafe(ref d, 24), Vector256.LoadUnsafe(ref s, 24), acc3);
                        }

                        for (; ow < vectorEnd; ow += Vector256<float>.Count)
                        {
                            acc = Fma(Vector256.LoadUnsafe(ref grad, (nuint)((oh * outW) + ow)), Vector256.LoadUnsafe(ref src, (nuint)(row + ow)), acc);
                        }

                        for (; ow < outW; ow++)
                        {
                            tail = MathF.FusedMultiplyAdd(dy[(oh * outW) + ow], image[row + ow], tail);
                        }
                    }

                    sums[p] += Vector256.Sum((acc + acc1) + (acc2 + acc3)) + tail;
                }
            }
        }

        var total = Vector256<float>.Zero;
        var rest = 0f;
        var end = dy.Length - (dy.Length % Vector256<float>.Count);
        for (var i = 0; i < end; i += Vector256<float>.Count)
        {
            total += Vector256.LoadUnsafe(ref grad, (nuint)i);
        }

        for (var i = end; i < dy.Length; i++)
        {
            rest += dy[i];
        }

        sums[g.PatchSize] += Vector256.Sum(total) + rest;
    }
}
