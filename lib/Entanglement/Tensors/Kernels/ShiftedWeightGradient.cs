using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// The weight gradient of a stride-1 or stride-2 convolution without im2col: dw[co, (c, ki, kj)] = Σ dy[n, co, oh, ow] ·
/// x[n, c, s·oh + ki − p, s·ow + kj − p], with the images zero-padded once into a <see cref="ShiftedGrid"/> (each tap a
/// shifted run of one of its phase planes) and dy laid out position-major with zeros at the grid's unused positions. The images are taken
/// in the groups of the im2col path, and each element is reduced over the same blocks of 256 output positions, in the
/// same order (a fused multiply-add chain per block, blocks added in turn; the zeros at unused positions add exactly
/// nothing), so the result is bit-identical to it and independent of the thread count.
/// </summary>
internal static class ShiftedWeightGradient
{
    private const int Mr = ShiftedMicroKernel.Rows;
    private const int Nc = ShiftedMicroKernel.Columns;
    private const int NarrowRows = ShiftedMicroKernel.NarrowRows;
    private const int NarrowColumns = ShiftedMicroKernel.NarrowColumns;
    private const int KBlock = 256;

    /// <summary>dw [Cout, C·kH·kW] (overwritten) for x [N, C, H, W] and dy [N, Cout, OutH, OutW]; g as for <see cref="ShiftedConvKernel.Supports"/>.</summary>
    public static void Compute(float[] x, float[] dy, int batch, int outChannels, ConvGeometry g, float[] dw)
    {
        int patch = g.PatchSize, taps = g.KernelHeight * g.KernelWidth, plane = g.OutPlane, outW = g.OutWidth, outH = g.OutHeight;
        int inSize = g.Channels * g.InPlane, outSize = outChannels * plane;
        // Up to 16 output channels: 12 taps × 16 channels per block, so no half-empty 32-wide blocks.
        var narrow = outChannels <= NarrowColumns;
        int mr = narrow ? NarrowRows : Mr, nc = narrow ? NarrowColumns : Nc;
        int slivers = (patch + mr - 1) / mr, columns = (outChannels + nc - 1) / nc * nc;
        var images = Conv2dKernel.GroupSize(g, batch);
        var grid = ShiftedConvKernel.InputGrid(g, images);
        int positions = grid.Positions, stride = grid.ImageStride, pw = grid.PaddedWidth;
        var buffer = ArrayPool<float>.Shared.Rent(grid.BufferSize);
        var dyT = ArrayPool<float>.Shared.Rent(positions * columns);
        var dwT = ArrayPool<float>.Shared.Rent(slivers * mr * columns);
        var offsets = ArrayPool<int>.Shared.Rent(slivers * mr);
        var blocks = new List<(int Start, int End)>();
        try
        {
            for (var p = 0; p < slivers * mr; p++)
            {
                offsets[p] = p >= patch ? 0 : grid.Offset(p / taps, p % taps / g.KernelWidth, p % g.KernelWidth);
            }

            for (var n0 = 0; n0 < batch; n0 += images)
            {
                var count = Math.Min(images, batch - n0);
                grid.Fill(x.AsSpan(n0 * inSize, count * inSize), count, buffer);
                var first = n0;
                dyT.AsSpan(0, positions * columns).Clear();
                Parallelism.For(count, outSize, i =>
                {
                    for (var co = 0; co < outChannels; co++)
                    {
                        ref var src = ref dy[(((first + i) * outChannels) + co) * plane];
                        ref var dst = ref dyT[(i * stride * columns) + co];
                        for (int oh = 0, v = 0; oh < outH; oh++)
                        {
                            ref var line = ref Unsafe.Add(ref dst, oh * pw * columns);
                            for (var ow = 0; ow < outW; ow++, v++)
                            {
                                Unsafe.Add(ref line, ow * columns) = Unsafe.Add(ref src, v);
                            }
                        }
                    }
                });

                // The im2col path's reduction blocks: 256 consecutive output positions of the group, as grid ranges.
                blocks.Clear();
                for (var v0 = 0; v0 < count * plane; v0 += KBlock)
                {
                    var last = Math.Min(v0 + KBlock, count * plane) - 1;
                    blocks.Add((Position(v0, plane, outW, stride, pw), Position(last, plane, outW, stride, pw) + 1));
                }

                var accumulate = n0 > 0;
                Parallelism.For(slivers * (columns / nc), 2L * count * plane * mr * nc, task =>
                {
                    int s = task % slivers, j0 = task / slivers * nc;
                    ref var c = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(dwT), (s * mr * columns) + j0);
                    ref var xs = ref MemoryMarshal.GetArrayDataReference(buffer);
                    ref var os = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(offsets), s * mr);
                    ref var bs = ref Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(dyT), j0);
                    for (var k = 0; k < blocks.Count; k++)
                    {
                        if (narrow)
                        {
                            ShiftedMicroKernel.RunTapsNarrow(
                                blocks[k].Start, blocks[k].End, ref xs, ref os, ref bs, columns, ref c, columns, overwrite: !accumulate && k == 0);
                            continue;
                        }

                        ShiftedMicroKernel.RunTaps(
                            blocks[k].Start, blocks[k].End, ref xs, ref os, ref bs, columns, ref c, columns, overwrite: !accumulate && k == 0);
                    }
                });
            }

            for (var co = 0; co < outChannels; co++)
            {
                for (var p = 0; p < patch; p++)
                {
                    dw[(co * patch) + p] = dwT[(p * columns) + co];
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(buffer);
            ArrayPool<float>.Shared.Return(dyT);
            ArrayPool<float>.Shared.Return(dwT);
            ArrayPool<int>.Shared.Return(offsets);
        }
    }

    /// <summary>The grid position of output position v of a group (image v / plane, row and column within it).</summary>
    private static int Position(int v, int plane, int outW, int stride, int pw) =>
        (v / plane * stride) + (v % plane / outW * pw) + (v % plane % outW);
}
