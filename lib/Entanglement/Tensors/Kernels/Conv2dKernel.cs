using System.Buffers;
using System.Numerics.Tensors;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// 2-D convolution (cross-correlation, NCHW) as im2col + SGEMM over groups of images: the patches of a group form
/// one PatchSize × (group·OutPlane) matrix, so each product is large even when the images are small. The group
/// size depends only on the shapes and every reduction runs in a fixed order, so results do not depend on the
/// thread count. Small patches go to <see cref="DirectConvKernel"/>; stride-1 convolutions (with 512-bit vectors) go to
/// <see cref="ShiftedConvKernel"/> and <see cref="ShiftedWeightGradient"/>, which skip im2col and reduce in the same
/// order, so every path gives the same bits.
/// </summary>
internal static class Conv2dKernel
{
    /// <summary>Upper bound on the floats of one group's column matrix (4 MB).</summary>
    private const int MaxColumnFloats = 1 << 20;

    /// <summary>Images per group.</summary>
    public static int GroupSize(in ConvGeometry g, int batch) =>
        Math.Clamp(MaxColumnFloats / Math.Max(1, g.PatchSize * g.OutPlane), 1, Math.Max(batch, 1));

    /// <summary>y [N, Cout, OutH, OutW] = w [Cout, C·kH·kW] ⋆ x [N, C, H, W] (+ bias per output channel).</summary>
    public static void Forward(float[] x, float[] w, float[]? bias, int batch, int outChannels, ConvGeometry g, float[] y)
    {
        if (DirectConvKernel.Applies(g))
        {
            DirectConvKernel.Forward(x, w, bias, batch, outChannels, g, y);
            return;
        }

        if (ShiftedConvKernel.Applies(g))
        {
            ShiftedConvKernel.Forward(x, w, bias, batch, outChannels, g, y);
            return;
        }

        ForwardIm2Col(x, w, bias, batch, outChannels, g, y);
    }

    /// <summary><see cref="Forward"/> by im2col + SGEMM for every geometry (the reference of the faster paths).</summary>
    internal static void ForwardIm2Col(float[] x, float[] w, float[]? bias, int batch, int outChannels, ConvGeometry g, float[] y)
    {
        int plane = g.OutPlane, patch = g.PatchSize, inSize = g.Channels * g.InPlane;
        var group = GroupSize(g, batch);
        var col = ArrayPool<float>.Shared.Rent(patch * group * plane);
        var yg = ArrayPool<float>.Shared.Rent(outChannels * group * plane);
        try
        {
            for (var n0 = 0; n0 < batch; n0 += group)
            {
                var count = Math.Min(group, batch - n0);
                var rowLength = count * plane;
                var first = n0;
                Parallelism.For(count, patch * plane, i =>
                    Im2Col.Pack(x.AsSpan((first + i) * inSize, inSize), g, col, rowLength, i * plane));
                Gemm.Sgemm(
                    false, false, outChannels, rowLength, patch, w, col.AsMemory(0, patch * rowLength),
                    yg.AsMemory(0, outChannels * rowLength));
                Parallelism.For(count, patch * plane, i =>
                {
                    for (var co = 0; co < outChannels; co++)
                    {
                        var src = yg.AsSpan((co * rowLength) + (i * plane), plane);
                        var dst = y.AsSpan((((first + i) * outChannels) + co) * plane, plane);
                        if (bias is null)
                        {
                            src.CopyTo(dst);
                        }
                        else
                        {
                            TensorPrimitives.Add(src, bias[co], dst);
                        }
                    }
                });
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(col);
            ArrayPool<float>.Shared.Return(yg);
        }
    }

    /// <summary>
    /// Gradients from dy [N, Cout, OutH, OutW]: dx = col2im(wᵀ·dy), dw = Σₙ dyₙ·colₙᵀ, db = Σ dy; each output
    /// array is overwritten (null ones are skipped).
    /// </summary>
    public static void Backward(
        float[] x, float[] w, float[] dy, int batch, int outChannels, ConvGeometry g, float[]? dx, float[]? dw, float[]? db)
    {
        if (dx is null && dw is not null && DirectConvKernel.Applies(g))
        {
            DirectConvKernel.WeightGradient(x, dy, batch, outChannels, g, dw, db);
            return;
        }

        var shiftedInput = dx is not null && ShiftedConvKernel.AppliesToInputGradient(g, outChannels);
        var shiftedWeights = dw is not null && db is null && ShiftedConvKernel.AppliesToWeightGradient(g);
        if (shiftedInput)
        {
            ShiftedConvKernel.InputGradient(w, dy, batch, outChannels, g, dx!);
            dx = null;
        }

        if (shiftedWeights)
        {
            ShiftedWeightGradient.Compute(x, dy, batch, outChannels, g, dw!);
            dw = null;
        }

        if ((shiftedInput || shiftedWeights) && dx is null && dw is null && db is null)
        {
            return;
        }

        BackwardIm2Col(x, w, dy, batch, outChannels, g, dx, dw, db);
    }

    /// <summary><see cref="Backward"/> by im2col + SGEMM and col2im for every geometry (the reference of the faster paths).</summary>
    internal static void BackwardIm2Col(
        float[] x, float[] w, float[] dy, int batch, int outChannels, ConvGeometry g, float[]? dx, float[]? dw, float[]? db)
    {
        int plane = g.OutPlane, patch = g.PatchSize, inSize = g.Channels * g.InPlane;
        var group = GroupSize(g, batch);
        var col = ArrayPool<float>.Shared.Rent(patch * group * plane);
        var dyg = ArrayPool<float>.Shared.Rent(outChannels * group * plane);
        if (dx is not null)
        {
            Array.Clear(dx);
        }

        if (db is not null)
        {
            Array.Clear(db);
        }

        try
        {
            for (var n0 = 0; n0 < batch; n0 += group)
            {
                var count = Math.Min(group, batch - n0);
                var rowLength = count * plane;
                var first = n0;
                Parallelism.For(count, patch * plane, i =>
                {
                    for (var co = 0; co < outChannels; co++)
                    {
                        dy.AsSpan((((first + i) * outChannels) + co) * plane, plane)
                            .CopyTo(dyg.AsSpan((co * rowLength) + (i * plane), plane));
                    }
                });
                var dyMatrix = dyg.AsMemory(0, outChannels * rowLength);
                if (db is not null)
                {
                    for (var co = 0; co < outChannels; co++)
                    {
                        db[co] += TensorPrimitives.Sum(dyg.AsSpan(co * rowLength, rowLength));
                    }
                }

                if (dw is not null)
                {
                    Parallelism.For(count, patch * plane, i =>
                        Im2Col.Pack(x.AsSpan((first + i) * inSize, inSize), g, col, rowLength, i * plane));
                    Gemm.Sgemm(
                        false, true, outChannels, patch, rowLength, dyMatrix, col.AsMemory(0, patch * rowLength), dw,
                        accumulate: n0 > 0);
                }

                if (dx is not null)
                {
                    Gemm.Sgemm(true, false, patch, rowLength, outChannels, w, dyMatrix, col.AsMemory(0, patch * rowLength));
                    Parallelism.For(count, patch * plane, i =>
                        Im2Col.Unpack(col, rowLength, i * plane, g, dx.AsSpan((first + i) * inSize, inSize)));
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(col);
            ArrayPool<float>.Shared.Return(dyg);
        }
    }
}
