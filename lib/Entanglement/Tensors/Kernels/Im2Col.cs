using System.Numerics.Tensors;
using System.Runtime.CompilerServices;

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
                        var src = plane.Slice(((oh * s) - p + ki) * g.Width);
                        var iw = (owLo * s) - p + kj;
                        if (s == 1)
                        {
                            src.Slice(iw, owHi - owLo).CopyTo(d[owLo..owHi]);
                        }
                        else
                        {
                            for (var ow = owLo; ow < owHi; ow++, iw += s)
                            {
                                d[ow] = src[iw];
                            }
                        }
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
                        var d = src.Slice(oh * outW, outW);
                        var dst = plane.Slice(((oh * s) - p + ki) * g.Width);
                        var iw = (owLo * s) - p + kj;
                        if (s == 1)
                        {
                            var run = dst.Slice(iw, owHi - owLo);
                            TensorPrimitives.Add(run, d[owLo..owHi], run);
                            continue;
                        }

                        for (var ow = owLo; ow < owHi; ow++, iw += s)
                        {
                            dst[iw] += d[ow];
                        }
                    }
                }
            }
        }
    }
}
