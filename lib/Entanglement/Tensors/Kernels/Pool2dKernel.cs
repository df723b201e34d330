using System.Runtime.CompilerServices;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// Max, average and adaptive-average pooling over the planes of an NCHW tensor. Each plane is independent, so
/// planes run in parallel and every output cell is written by one thread only.
/// </summary>
internal static class Pool2dKernel
{
    /// <summary>Max over each window (padding never wins); <paramref name="argmax"/> gets the in-plane index.</summary>
    public static void MaxForward(float[] x, int planes, ConvGeometry g, float[] y, int[] argmax)
    {
        if (g is { KernelHeight: 2, KernelWidth: 2, Stride: 2, Padding: 0 })
        {
            Parallelism.For(planes, g.InPlane, c => Max2x2(
                x.AsSpan(c * g.InPlane, g.InPlane), g, y.AsSpan(c * g.OutPlane, g.OutPlane), argmax.AsSpan(c * g.OutPlane, g.OutPlane)));
            return;
        }

        Parallelism.For(planes, g.InPlane, c =>
        {
            var src = x.AsSpan(c * g.InPlane, g.InPlane);
            int outW = g.OutWidth, outBase = c * g.OutPlane;
            for (var oh = 0; oh < g.OutHeight; oh++)
            {
                var (h0, h1) = Window(oh, g.Stride, g.Padding, g.KernelHeight, g.Height);
                for (var ow = 0; ow < outW; ow++)
                {
                    var (w0, w1) = Window(ow, g.Stride, g.Padding, g.KernelWidth, g.Width);
                    var best = float.NegativeInfinity;
                    var at = (h0 * g.Width) + w0;
                    for (var ih = h0; ih < h1; ih++)
                    {
                        for (var iw = w0; iw < w1; iw++)
                        {
                            var v = src[(ih * g.Width) + iw];
                            if (v > best || float.IsNaN(v))
                            {
                                best = v;
                                at = (ih * g.Width) + iw;
                                if (float.IsNaN(v))
                                {
                                    goto Found;
                                }
                            }
                        }
                    }

                Found:
                    y[outBase + (oh * outW) + ow] = best;
                    argmax[outBase + (oh * outW) + ow] = at;
                }
            }
        });
    }

    /// <summary>
    /// The 2×2, stride-2, unpadded max pool of one plane: the general sweep unrolled (the same visiting order, so
    /// the first maximum wins and a NaN wins at once).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Max2x2(ReadOnlySpan<float> src, in ConvGeometry g, Span<float> y, Span<int> argmax)
    {
        int outW = g.OutWidth, width = g.Width;
        for (var oh = 0; oh < g.OutHeight; oh++)
        {
            var top = 2 * oh * width;
            var r0 = src.Slice(top, 2 * outW);
            var r1 = src.Slice(top + width, 2 * outW);
            var yr = y.Slice(oh * outW, outW);
            var ar = argmax.Slice(oh * outW, outW);
            for (var ow = 0; ow < outW; ow++)
            {
                var i = 2 * ow;
                var best = r0[i];
                var at = top + i;
                if (!float.IsNaN(best))
                {
                    var v = r0[i + 1];
                    if (v > best || float.IsNaN(v))
                    {
                        best = v;
                        at = top + i + 1;
                    }

                    if (!float.IsNaN(best))
                    {
                        v = r1[i];
                        if (v > best || float.IsNaN(v))
                        {
                            best = v;
                            at = top + width + i;
                        }

                        if (!float.IsNaN(best))
                        {
                            v = r1[i + 1];
                            if (v > best || float.IsNaN(v))
                            {
                                best = v;
                                at = top + width + i + 1;
                            }
                        }
                    }
                }

                yr[ow] = best;
                ar[ow] = at;
            }
        }
    }

    /// <summary>Routes each output gradient to the input cell that won its window.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void MaxBackward(float[] dy, int[] argmax, int planes, ConvGeometry g, float[] dx)
    {
        Parallelism.For(planes, g.InPlane, c =>
        {
            var dst = dx.AsSpan(c * g.InPlane, g.InPlane);
            for (var o = c * g.OutPlane; o < (c + 1) * g.OutPlane; o++)
            {
                dst[argmax[o]] += dy[o];
            }
        });
    }

    /// <summary>
    /// Window means of <paramref name="image"/> [planes, H, W] into <paramref name="cells"/> [planes, OutH, OutW],
    /// dividing by kH·kW whatever the padding (PyTorch's <c>count_include_pad=True</c>); the
    /// <paramref name="adjoint"/> sweep instead adds each cell's share back into the image (the backward pass).
    /// </summary>
    public static void Average(float[] image, float[] cells, int planes, ConvGeometry g, bool adjoint)
    {
        var scale = 1f / (g.KernelHeight * g.KernelWidth);
        Parallelism.For(planes, g.InPlane, c =>
        {
            var plane = image.AsSpan(c * g.InPlane, g.InPlane);
            int outW = g.OutWidth, outBase = c * g.OutPlane;
            for (var oh = 0; oh < g.OutHeight; oh++)
            {
                var (h0, h1) = Window(oh, g.Stride, g.Padding, g.KernelHeight, g.Height);
                for (var ow = 0; ow < outW; ow++)
                {
                    var (w0, w1) = Window(ow, g.Stride, g.Padding, g.KernelWidth, g.Width);
                    Sweep(plane, g.Width, h0, h1, w0, w1, cells, outBase + (oh * outW) + ow, scale, adjoint);
                }
            }
        });
    }

    /// <summary>
    /// Adaptive average pooling of <paramref name="image"/> [planes, H, W] to <paramref name="cells"/>
    /// [planes, out, out]: cell i covers input rows ⌊i·H/out⌋ .. ⌈(i+1)·H/out⌉ (as PyTorch), likewise for columns;
    /// the <paramref name="adjoint"/> sweep adds each cell's share back into the image.
    /// </summary>
    public static void Adaptive(float[] image, float[] cells, int planes, int height, int width, int outSize, bool adjoint)
    {
        Parallelism.For(planes, height * width, c =>
        {
            var plane = image.AsSpan(c * height * width, height * width);
            var outBase = c * outSize * outSize;
            for (var oh = 0; oh < outSize; oh++)
            {
                int h0 = oh * height / outSize, h1 = (((oh + 1) * height) + outSize - 1) / outSize;
                for (var ow = 0; ow < outSize; ow++)
                {
                    int w0 = ow * width / outSize, w1 = (((ow + 1) * width) + outSize - 1) / outSize;
                    var scale = 1f / ((h1 - h0) * (w1 - w0));
                    Sweep(plane, width, h0, h1, w0, w1, cells, outBase + (oh * outSize) + ow, scale, adjoint);
                }
            }
        });
    }

    /// <summary>The input rows (or columns) [start, end) of output cell <paramref name="o"/>, clipped to the input.</summary>
    private static (int Start, int End) Window(int o, int stride, int padding, int kernel, int extent)
    {
        var start = (o * stride) - padding;
        return (Math.Max(start, 0), Math.Min(start + kernel, extent));
    }

    /// <summary>out[o] = scale·Σ window, or (adjoint) window += scale·out[o].</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep(
        Span<float> image, int width, int h0, int h1, int w0, int w1, float[] cells, int o, float scale, bool adjoint)
    {
        if (adjoint)
        {
            var v = cells[o] * scale;
            for (var ih = h0; ih < h1; ih++)
            {
                var row = image.Slice(ih * width, width);
                for (var iw = w0; iw < w1; iw++)
                {
                    row[iw] += v;
                }
            }

            return;
        }

        var sum = 0f;
        for (var ih = h0; ih < h1; ih++)
        {
            var row = image.Slice(ih * width, width);
            for (var iw = w0; iw < w1; iw++)
            {
                sum += row[iw];
            }
        }

        cells[o] = sum * scale;
    }
}
