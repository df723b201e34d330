using System.Buffers;
using System.Numerics.Tensors;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// Convolution without im2col: the images are zero-padded once into a <see cref="ShiftedGrid"/> (split into
/// even/odd phases at stride 2), and the <see cref="ShiftedMicroKernel"/> reads each window tap as a shifted run of
/// that buffer. The forward pass (stride 1 or 2) and the stride-1 input gradient (a stride-1 correlation of the
/// padded output gradient with the flipped, transposed kernel) both run this way. Each result is reduced in exactly the order of the im2col + SGEMM path (blocks of 256 reduction
/// indices, a fused multiply-add chain within a block; for the input gradient, the sum over output channels of one
/// tap first, then the taps in turn as col2im adds them), so the numbers are bit-identical to it and independent of
/// the thread count.
/// </summary>
internal static class ShiftedConvKernel
{
    private const int Mr = ShiftedMicroKernel.Rows;
    private const int Nc = ShiftedMicroKernel.Columns;
    private const int KBlock = 256;
    private const int TilesPerTask = 4;

    /// <summary>
    /// Narrowest output handled by the forward pass and the weight gradient: below it most flattened positions would
    /// be padding (at 4×4 with padding 1, 16 of 36 are used and it still beats im2col on one core).
    /// </summary>
    public const int MinOutWidth = 4;

    /// <summary>Narrowest output for which the input gradient runs here (at 4×4 and 7×7 the im2col path was faster).</summary>
    public const int MinInputGradientWidth = 8;

    /// <summary>
    /// Most input channels for which the weight gradient runs here. Above it im2col + SGEMM won on one core (medians
    /// of 7 alternating calls, batch 128, ResNet-18 width 64): 256→256 at 8×8 146 against 114 ms, 512→512 at 4×4 250
    /// against 124 ms; at 128 channels and below this path was faster (128→128 at 16×16: 111 against 129 ms, at 4×4:
    /// 10.1 against 13.7 ms).
    /// </summary>
    public const int MaxWeightGradientChannels = 128;

    /// <summary>
    /// Most output channels (the reduced side) for which the input gradient runs here. Above it im2col + SGEMM won or
    /// tied on one core (256→256 at 8×8: 182 against 116 ms; 128→128 at 16×16: 129 and 132 against 125 ms in two
    /// runs); at 64 channels and below this path was faster or even (64→64 at 8×8: 17.9 against 19.9 ms; 32→32 at
    /// 16×16: 8.9 against 11.7 ms).
    /// </summary>
    public const int MaxInputGradientChannels = 64;

    /// <summary>
    /// Whether the forward pass and the weight gradient of <paramref name="g"/> can run here (stride 1 or 2, padding
    /// below the kernel size, 512-bit vectors).
    /// </summary>
    public static bool Supports(in ConvGeometry g) =>
        Vector512.IsHardwareAccelerated && g.Stride is 1 or 2 && g.Padding < g.KernelHeight && g.Padding < g.KernelWidth &&
        g.OutWidth >= MinOutWidth;

    /// <summary>
    /// Whether <see cref="Conv2dKernel.Forward"/> sends <paramref name="g"/> here: stride 1 only. At stride 2 the
    /// polyphase grid reads taps from four planes and lost to im2col + SGEMM on every ResNet-18 layer measured (e.g.
    /// 32→64 at 16×16: 11.6 ms against 5.9 ms per batch of 128 on one core).
    /// </summary>
    public static bool Applies(in ConvGeometry g) => Supports(g) && g.Stride == 1;

    /// <summary>
    /// Whether the weight gradient of <paramref name="g"/> runs here: stride 1 and at most
    /// <see cref="MaxWeightGradientChannels"/> input channels. The 1×1 stride-2 shortcut (which the polyphase grid supports)
    /// stays with im2col: alternating calls measured it even at width 16 and 1.6–1.7× slower at width 64.
    /// </summary>
    public static bool AppliesToWeightGradient(in ConvGeometry g) =>
        Applies(g) && g.Channels <= MaxWeightGradientChannels;

    /// <summary>
    /// Whether the input gradient of <paramref name="g"/> with <paramref name="outChannels"/> output channels runs
    /// here (stride 1, a wide enough output, at most <see cref="MaxInputGradientChannels"/> output channels).
    /// </summary>
    public static bool AppliesToInputGradient(in ConvGeometry g, int outChannels) =>
        Applies(g) && g.OutWidth >= MinInputGradientWidth && outChannels <= MaxInputGradientChannels;

    /// <summary>The grid of <paramref name="images"/> input images of <paramref name="g"/> for the forward pass and the weight gradient.</summary>
    public static ShiftedGrid InputGrid(in ConvGeometry g, int images) =>
        new(g.Channels, g.Height, g.Width, g.Padding, g.Padding, g.KernelHeight, g.KernelWidth, images, g.Stride);

    /// <summary>y [N, Cout, OutH, OutW] = w ⋆ x (+ bias), as <see cref="Conv2dKernel.Forward"/>.</summary>
    public static void Forward(float[] x, float[] w, float[]? bias, int batch, int outChannels, ConvGeometry g, float[] y)
    {
        int patch = g.PatchSize, slivers = (outChannels + Mr - 1) / Mr, inSize = g.Channels * g.InPlane;
        int kh = g.KernelHeight, kw = g.KernelWidth, taps = kh * kw, outPlane = g.OutPlane, outW = g.OutWidth;
        var grid = InputGrid(g, 1);
        var images = ShiftedGrid.ImagesPerGroup(g.Channels * grid.Phases, slivers * Mr, grid.ImageStride, batch);
        grid = InputGrid(g, images);
        var aPack = ArrayPool<float>.Shared.Rent(slivers * Mr * patch);
        var offsets = ArrayPool<int>.Shared.Rent(patch);
        var buffer = ArrayPool<float>.Shared.Rent(grid.BufferSize);
        var flat = ArrayPool<float>.Shared.Rent(slivers * Mr * grid.Positions);
        try
        {
            for (var s = 0; s < slivers; s++)
            {
                for (var p = 0; p < patch; p++)
                {
                    for (var r = 0; r < Mr; r++)
                    {
                        var co = (s * Mr) + r;
                        aPack[(((s * patch) + p) * Mr) + r] = co < outChannels ? w[(co * patch) + p] : 0f;
                    }
                }
            }

            for (var p = 0; p < patch; p++)
            {
                offsets[p] = grid.Offset(p / taps, p % taps / kw, p % kw);
            }

            int positions = grid.Positions, stride = grid.ImageStride, pw = grid.PaddedWidth;
            for (var n0 = 0; n0 < batch; n0 += images)
            {
                var count = Math.Min(images, batch - n0);
                grid.Fill(x.AsSpan(n0 * inSize, count * inSize), count, buffer);
                var tiles = ((count * stride) + Nc - 1) / Nc;
                Parallelism.For((tiles + TilesPerTask - 1) / TilesPerTask, 2L * TilesPerTask * Nc * slivers * Mr * patch, task =>
                {
                    ref var a0 = ref MemoryMarshal.GetArrayDataReference(aPack);
                    ref var b0 = ref MemoryMarshal.GetArrayDataReference(buffer);
                    ref var o0 = ref MemoryMarshal.GetArrayDataReference(offsets);
                    ref var c0 = ref MemoryMarshal.GetArrayDataReference(flat);
                    for (var tile = task * TilesPerTask; tile < Math.Min(tiles, (task + 1) * TilesPerTask); tile++)
                    {
                        var q0 = tile * Nc;
                        for (var s = 0; s < slivers; s += 2)
                        {
                            // Two slivers of output channels at once where there are two (the same bits, fewer loads).
                            var pair = s + 1 < slivers;
                            for (var p0 = 0; p0 < patch; p0 += KBlock)
                            {
                                var kc = Math.Min(KBlock, patch - p0);
                                ref var a = ref Unsafe.Add(ref a0, ((s * patch) + p0) * Mr);
                                ref var c = ref Unsafe.Add(ref c0, (s * Mr * positions) + q0);
                                if (pair)
                                {
                                    ShiftedWideKernel.Run(
                                        kc, ref a, patch * Mr, ref Unsafe.Add(ref b0, q0), ref Unsafe.Add(ref o0, p0), ref c, positions, overwrite: p0 == 0);
                                    continue;
                                }

                                ShiftedMicroKernel.Run(kc, ref a, ref Unsafe.Add(ref b0, q0), ref Unsafe.Add(ref o0, p0), ref c, positions, overwrite: p0 == 0);
                            }
                        }
                    }
                });
                var first = n0;
                Parallelism.For(count, outChannels * outPlane, i =>
                {
                    for (var co = 0; co < outChannels; co++)
                    {
                        for (var oh = 0; oh < g.OutHeight; oh++)
                        {
                            var src = flat.AsSpan((co * positions) + (i * stride) + (oh * pw), outW);
                            var dst = y.AsSpan((((first + i) * outChannels) + co) * outPlane + (oh * outW), outW);
                            if (bias is null)
                            {
                                src.CopyTo(dst);
                            }
                            else
                            {
                                TensorPrimitives.Add(src, bias[co], dst);
                            }
                        }
                    }
                });
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(aPack);
            ArrayPool<int>.Shared.Return(offsets);
            ArrayPool<float>.Shared.Return(buffer);
            ArrayPool<float>.Shared.Return(flat);
        }
    }

    /// <summary>dx [N, C, H, W] = the input gradient of the convolution for dy [N, Cout, OutH, OutW], overwritten.</summary>
    public static void InputGradient(float[] w, float[] dy, int batch, int outChannels, ConvGeometry g, float[] dx)
    {
        int cin = g.Channels, patch = g.PatchSize, slivers = (cin + Mr - 1) / Mr, outSize = outChannels * g.OutPlane;
        int kh = g.KernelHeight, kw = g.KernelWidth, taps = kh * kw, width = g.Width;
        int padH = kh - 1 - g.Padding, padW = kw - 1 - g.Padding;
        var padded = (g.OutHeight + (2 * padH)) * (g.OutWidth + (2 * padW));
        var images = ShiftedGrid.ImagesPerGroup(outChannels, slivers * Mr, padded, batch);
        var grid = new ShiftedGrid(outChannels, g.OutHeight, g.OutWidth, padH, padW, kh, kw, images);
        var aPack = ArrayPool<float>.Shared.Rent(slivers * taps * outChannels * Mr);
        var offsets = ArrayPool<int>.Shared.Rent(outChannels);
        var shifts = new int[taps];
        var buffer = ArrayPool<float>.Shared.Rent(grid.BufferSize);
        var flat = ArrayPool<float>.Shared.Rent(slivers * Mr * grid.Positions);
        try
        {
            // aPack[s][t][co][r] = w[co, 6s + r, t]: for tap t, the rows are input channels and the reduction runs over co.
            for (var s = 0; s < slivers; s++)
            {
                for (var t = 0; t < taps; t++)
                {
                    for (var co = 0; co < outChannels; co++)
                    {
                        for (var r = 0; r < Mr; r++)
                        {
                            var c = (s * Mr) + r;
                            aPack[(((((s * taps) + t) * outChannels) + co) * Mr) + r] = c < cin ? w[(co * patch) + (c * taps) + t] : 0f;
                        }
                    }
                }
            }

            for (var co = 0; co < outChannels; co++)
            {
                offsets[co] = co * grid.PlaneStride;
            }

            // Tap (ki, kj) takes dy at (h + p − ki, w + p − kj), i.e. at (h + kh − 1 − ki, w + kw − 1 − kj) of the padded dy.
            for (var t = 0; t < taps; t++)
            {
                shifts[t] = ((kh - 1 - (t / kw)) * grid.PaddedWidth) + (kw - 1 - (t % kw));
            }

            int positions = grid.Positions, stride = grid.ImageStride, pw = grid.PaddedWidth;
            for (var n0 = 0; n0 < batch; n0 += images)
            {
                var count = Math.Min(images, batch - n0);
                grid.Fill(dy.AsSpan(n0 * outSize, count * outSize), count, buffer);
                var tiles = ((count * stride) + Nc - 1) / Nc;
                Parallelism.For((tiles + TilesPerTask - 1) / TilesPerTask, 2L * TilesPerTask * Nc * slivers * Mr * patch, task =>
                {
                    Span<float> partial = stackalloc float[Mr * Nc];
                    ref var t0 = ref MemoryMarshal.GetReference(partial);
                    ref var a0 = ref MemoryMarshal.GetArrayDataReference(aPack);
                    ref var b0 = ref MemoryMarshal.GetArrayDataReference(buffer);
                    ref var o0 = ref MemoryMarshal.GetArrayDataReference(offsets);
                    ref var c0 = ref MemoryMarshal.GetArrayDataReference(flat);
                    for (var tile = task * TilesPerTask; tile < Math.Min(tiles, (task + 1) * TilesPerTask); tile++)
                    {
                        var q0 = tile * Nc;
                        for (var s = 0; s < slivers; s += Paired(outChannels, s, slivers) ? 2 : 1)
                        {
                            ref var c = ref Unsafe.Add(ref c0, (s * Mr * positions) + q0);
                            var pair = Paired(outChannels, s, slivers);
                            for (var t = 0; t < taps; t++)
                            {
                                ref var a = ref Unsafe.Add(ref a0, ((s * taps) + t) * outChannels * Mr);
                                ref var b = ref Unsafe.Add(ref b0, q0 + shifts[t]);
                                if (pair)
                                {
                                    // Slivers s and s + 1 together (the same bits, fewer loads of dy).
                                    ShiftedWideKernel.Run(outChannels, ref a, taps * outChannels * Mr, ref b, ref o0, ref c, positions, overwrite: t == 0);
                                    continue;
                                }

                                if (outChannels <= KBlock)
                                {
                                    // C (+)= the tap's chain over co: what col2im's add of one GEMM result does.
                                    ShiftedMicroKernel.Run(outChannels, ref a, ref b, ref o0, ref c, positions, overwrite: t == 0);
                                    continue;
                                }

                                for (var k0 = 0; k0 < outChannels; k0 += KBlock)
                                {
                                    ShiftedMicroKernel.Run(
                                        Math.Min(KBlock, outChannels - k0), ref Unsafe.Add(ref a, k0 * Mr), ref b,
                                        ref Unsafe.Add(ref o0, k0), ref t0, Nc, overwrite: k0 == 0);
                                }

                                ShiftedMicroKernel.Add(ref t0, ref c, positions, overwrite: t == 0);
                            }
                        }
                    }
                });
                var first = n0;
                Parallelism.For(count, cin * g.InPlane, i =>
                {
                    for (var c = 0; c < cin; c++)
                    {
                        for (var h = 0; h < g.Height; h++)
                        {
                            flat.AsSpan((c * positions) + (i * stride) + (h * pw), width)
                                .CopyTo(dx.AsSpan((((first + i) * cin) + c) * g.InPlane + (h * width), width));
                        }
                    }
                });
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(aPack);
            ArrayPool<int>.Shared.Return(offsets);
            ArrayPool<float>.Shared.Return(buffer);
            ArrayPool<float>.Shared.Return(flat);
        }
    }

    /// <summary>Whether the input gradient takes slivers s and s + 1 together: both exist and one chain covers every output channel.</summary>
    private static bool Paired(int outChannels, int s, int slivers) => outChannels <= KBlock && s + 1 < slivers;
}
