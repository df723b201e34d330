using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// The backward sweeps of <see cref="BatchNormPoolKernel"/>, per channel: the routed gradient g of the normalised
/// tensor is dY at each window's winner where the output is positive (y &gt; 0) and zero elsewhere. Full blocks of
/// eight windows (16 input columns) run as vectors, the rest of each row cell by cell.
/// </summary>
internal static class BatchNormPoolGradientKernel
{
    /// <summary>(Σg, Σg·(x − mean)) over channel <paramref name="ch"/>; float within an image, double across images.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static (double SumDy, double SumDyCentred) GradientSums(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> y, ReadOnlySpan<byte> winner, ReadOnlySpan<float> x, int n, int c,
        int ch, int height, int width, float mean)
    {
        int outH = height / 2, outW = width / 2, plane = height * width, outPlane = outH * outW;
        var blocks = Vector256.IsHardwareAccelerated ? outW / 8 * 8 : 0;
        var m = Vector256.Create(mean);
        double sumDy = 0, sumDyCentred = 0;
        for (var b = 0; b < n; b++)
        {
            var src = x.Slice(((b * c) + ch) * plane, plane);
            var o0 = ((b * c) + ch) * outPlane;
            _ = y[o0 + outPlane - 1];
            _ = dy[o0 + outPlane - 1];
            _ = winner[o0 + outPlane - 1];
            ref var xp = ref MemoryMarshal.GetReference(src);
            Vector256<float> accS = Vector256<float>.Zero, accT = Vector256<float>.Zero;
            float s = 0f, t = 0f;
            for (var oh = 0; oh < outH; oh++)
            {
                var o = o0 + (oh * outW);
                ref var r0 = ref Unsafe.Add(ref xp, 2 * oh * width);
                ref var r1 = ref Unsafe.Add(ref r0, width);
                for (var ow = 0; ow < blocks; ow += 8)
                {
                    var r = Routed.Of(dy, y, winner, o + ow);
                    var i = (nuint)(2 * ow);
                    accS += (r.G0 + r.G1) + (r.G2 + r.G3);
                    accT += Centred(r.M0, r.G0, Vector256.LoadUnsafe(ref r0, i) - m);
                    accT += Centred(r.M1, r.G1, Vector256.LoadUnsafe(ref r0, i + 8) - m);
                    accT += Centred(r.M2, r.G2, Vector256.LoadUnsafe(ref r1, i) - m);
                    accT += Centred(r.M3, r.G3, Vector256.LoadUnsafe(ref r1, i + 8) - m);
                }

                for (var ow = blocks; ow < outW; ow++)
                {
                    if (y[o + ow] <= 0f)
                    {
                        continue;
                    }

                    var g = dy[o + ow];
                    s += g;
                    t = BatchNormKernel.Fma(g, src[BatchNormPoolKernel.Cell((oh * outW) + ow, winner[o + ow], outW, width)] - mean, t);
                }
            }

            sumDy += Vector256.Sum(accS) + s;
            sumDyCentred += Vector256.Sum(accT) + t;
        }

        return (sumDy, sumDyCentred);
    }

    /// <summary>
    /// dX = g·dyScale + (x − mean)·centredScale + shift over channel <paramref name="ch"/>, with g as in
    /// <see cref="GradientSums"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void InputGradient(
        ReadOnlySpan<float> dy, ReadOnlySpan<float> y, ReadOnlySpan<byte> winner, ReadOnlySpan<float> x, int n, int c,
        int ch, int height, int width, float mean, float dyScale, float centredScale, float shift, Span<float> dx)
    {
        int outH = height / 2, outW = width / 2, plane = height * width, outPlane = outH * outW;
        var blocks = Vector256.IsHardwareAccelerated ? outW / 8 * 8 : 0;
        var ds = Vector256.Create(dyScale);
        for (var b = 0; b < n; b++)
        {
            var off = ((b * c) + ch) * plane;
            var dst = dx.Slice(off, plane);
            BatchNormKernel.Affine(x.Slice(off, plane), mean, centredScale, shift, default, 0f, dst);
            var o0 = ((b * c) + ch) * outPlane;
            _ = y[o0 + outPlane - 1];
            ref var dp = ref MemoryMarshal.GetReference(dst);
            for (var oh = 0; oh < outH; oh++)
            {
                var o = o0 + (oh * outW);
                ref var r0 = ref Unsafe.Add(ref dp, 2 * oh * width);
                ref var r1 = ref Unsafe.Add(ref r0, width);
                for (var ow = 0; ow < blocks; ow += 8)
                {
                    var r = Routed.Of(dy, y, winner, o + ow);
                    var i = (nuint)(2 * ow);
                    AddRouted(ref r0, i, r.M0, r.G0, ds);
                    AddRouted(ref r0, i + 8, r.M1, r.G1, ds);
                    AddRouted(ref r1, i, r.M2, r.G2, ds);
                    AddRouted(ref r1, i + 8, r.M3, r.G3, ds);
                }

                for (var ow = blocks; ow < outW; ow++)
                {
                    if (y[o + ow] <= 0f)
                    {
                        continue;
                    }

                    var cell = BatchNormPoolKernel.Cell((oh * outW) + ow, winner[o + ow], outW, width);
                    dst[cell] = BatchNormKernel.Fma(dy[o + ow], dyScale, dst[cell]);
                }
            }
        }
    }

    /// <summary>g·(x − mean) where the cell is a routed winner, zero elsewhere (so an infinite loser adds nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Centred(Vector256<float> mask, Vector256<float> g, Vector256<float> centred) =>
        Vector256.ConditionalSelect(mask, g * centred, Vector256<float>.Zero);

    /// <summary>dst[i..i+8) = fma(g, dyScale, dst) at the routed winners.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRouted(ref float dst, nuint i, Vector256<float> mask, Vector256<float> g, Vector256<float> dyScale)
    {
        var v = Vector256.LoadUnsafe(ref dst, i);
        Vector256.ConditionalSelect(mask, Vector256.FusedMultiplyAdd(g, dyScale, v), v).StoreUnsafe(ref dst, i);
    }

    /// <summary>
    /// Eight windows' routed gradient spread over their 2×16 cells in column order: row 0 columns [0, 8) and [8, 16)
    /// (G0, G1), row 1 likewise (G2, G3), with the masks of the cells that receive it.
    /// </summary>
    private readonly record struct Routed(
        Vector256<float> G0, Vector256<float> G1, Vector256<float> G2, Vector256<float> G3,
        Vector256<float> M0, Vector256<float> M1, Vector256<float> M2, Vector256<float> M3)
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        public static Routed Of(ReadOnlySpan<float> dy, ReadOnlySpan<float> y, ReadOnlySpan<byte> winner, int o)
        {
            var g = Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(dy), (nuint)o);
            var open = Vector256.GreaterThan(Vector256.LoadUnsafe(ref MemoryMarshal.GetReference(y), (nuint)o), Vector256<float>.Zero).AsInt32();
            var bytes = Vector128.CreateScalar(Unsafe.ReadUnaligned<ulong>(ref Unsafe.AsRef(in winner[o]))).AsByte();
            var at = Vector256.WidenLower(Vector256.WidenLower(bytes.ToVector256()).AsInt16()).AsInt32();
            var (m0, m1) = Lanes.Interleave(Mask(at, open, 0), Mask(at, open, 1));
            var (m2, m3) = Lanes.Interleave(Mask(at, open, 2), Mask(at, open, 3));
            var (g0, g1) = Lanes.Interleave(g, g);
            return new Routed(
                Vector256.ConditionalSelect(m0, g0, default), Vector256.ConditionalSelect(m1, g1, default),
                Vector256.ConditionalSelect(m2, g0, default), Vector256.ConditionalSelect(m3, g1, default), m0, m1, m2, m3);
        }

        private static Vector256<float> Mask(Vector256<int> at, Vector256<int> open, int cell) =>
            (Vector256.Equals(at, Vector256.Create(cell)) & open).AsSingle();
    }
}
