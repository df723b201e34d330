using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// Batch normalisation followed by a 2×2, stride-2 max pool and ReLU, per channel of x [n, c, H, W] (output
/// [n, c, ⌊H/2⌋, ⌊W/2⌋]), without materialising the normalised tensor. Each window's winner (0..3 in the order
/// top-left, top-right, bottom-left, bottom-right; the first maximum, or the first NaN) is kept as a byte.
/// </summary>
internal static class BatchNormPoolKernel
{
    /// <summary>y = ReLU(max over each window of (x − mean)·scale + shift) for channel <paramref name="ch"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Forward(
        ReadOnlySpan<float> x, int n, int c, int ch, int height, int width, float mean, float scale, float shift,
        Span<float> y, Span<byte> winner)
    {
        int outH = height / 2, outW = width / 2, plane = height * width, outPlane = outH * outW;
        for (var b = 0; b < n; b++)
        {
            var src = x.Slice(((b * c) + ch) * plane, plane);
            var dst = y.Slice(((b * c) + ch) * outPlane, outPlane);
            var win = winner.Slice(((b * c) + ch) * outPlane, outPlane);
            for (var oh = 0; oh < outH; oh++)
            {
                var r0 = src.Slice(2 * oh * width, 2 * outW);
                var r1 = src.Slice(((2 * oh) + 1) * width, 2 * outW);
                var o = oh * outW;
                var ow = Vector256.IsHardwareAccelerated ? WindowsVectorized(r0, r1, mean, scale, shift, dst[o..], win[o..]) : 0;
                for (; ow < outW; ow++)
                {
                    var i = 2 * ow;
                    var v0 = BatchNormKernel.Fma(r0[i] - mean, scale, shift);
                    var v1 = BatchNormKernel.Fma(r0[i + 1] - mean, scale, shift);
                    var v2 = BatchNormKernel.Fma(r1[i] - mean, scale, shift);
                    var v3 = BatchNormKernel.Fma(r1[i + 1] - mean, scale, shift);

                    // MathF.Max propagates NaN, so best is NaN iff a cell is; the winner is the first cell equal
                    // to it (or the first NaN), i.e. the max pool's strict-greater sweep.
                    var best = MathF.Max(MathF.Max(v0, v1), MathF.Max(v2, v3));
                    int at;
                    if (float.IsNaN(best))
                    {
                        at = float.IsNaN(v0) ? 0 : float.IsNaN(v1) ? 1 : float.IsNaN(v2) ? 2 : 3;
                    }
                    else
                    {
                        at = v2 == best ? 2 : 3;
                        at = v1 == best ? 1 : at;
                        at = v0 == best ? 0 : at;
                    }

                    dst[o + ow] = MathF.Max(best, 0f);
                    win[o + ow] = (byte)at;
                }
            }
        }
    }

    /// <summary>
    /// The windows of one pair of rows eight at a time (16 input columns), with the arithmetic, NaN rule and tie rule of
    /// the scalar sweep; returns how many windows it did, leaving the rest of the row to that sweep.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int WindowsVectorized(
        ReadOnlySpan<float> r0, ReadOnlySpan<float> r1, float mean, float scale, float shift, Span<float> y, Span<byte> winner)
    {
        var windows = r0.Length / 16 * 8;
        if (windows == 0)
        {
            return 0;
        }

        _ = r1[(2 * windows) - 1];
        _ = y[windows - 1];
        _ = winner[windows - 1];
        ref var a = ref MemoryMarshal.GetReference(r0);
        ref var b = ref MemoryMarshal.GetReference(r1);
        ref var yp = ref MemoryMarshal.GetReference(y);
        ref var wp = ref MemoryMarshal.GetReference(winner);
        Vector256<float> m = Vector256.Create(mean), sc = Vector256.Create(scale), sh = Vector256.Create(shift);
        for (var ow = 0; ow < windows; ow += 8)
        {
            var i = (nuint)(2 * ow);
            var (v0, v1) = Lanes.EvenOdd(Fma(Vector256.LoadUnsafe(ref a, i) - m, sc, sh), Fma(Vector256.LoadUnsafe(ref a, i + 8) - m, sc, sh));
            var (v2, v3) = Lanes.EvenOdd(Fma(Vector256.LoadUnsafe(ref b, i) - m, sc, sh), Fma(Vector256.LoadUnsafe(ref b, i + 8) - m, sc, sh));
            var best = Vector256.Max(Vector256.Max(v0, v1), Vector256.Max(v2, v3));

            // Cell k wins where it equals the maximum or is NaN (then the maximum is NaN and no non-NaN cell equals
            // it); the last assignment is the first such cell.
            var at = Vector256.Create(3);
            at = Vector256.ConditionalSelect(Wins(v2, best), Vector256.Create(2), at);
            at = Vector256.ConditionalSelect(Wins(v1, best), Vector256.Create(1), at);
            at = Vector256.ConditionalSelect(Wins(v0, best), Vector256<int>.Zero, at);
            Vector256.Max(best, Vector256<float>.Zero).StoreUnsafe(ref yp, (nuint)ow);
            var bytes = Vector256.Narrow(Vector256.Narrow(at, at), Vector256<short>.Zero);
            Unsafe.WriteUnaligned(ref Unsafe.Add(ref wp, ow), bytes.AsUInt64().GetElement(0));
        }

        return windows;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Wins(Vector256<float> v, Vector256<float> best) =>
        (Vector256.Equals(v, best) | ~Vector256.Equals(v, v)).AsInt32();

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
        Vector256.FusedMultiplyAdd(a, b, c);

    /// <summary>In-plane index of window <paramref name="o"/>'s cell <paramref name="at"/> (0..3).</summary>
    internal static int Cell(int o, int at, int outW, int width)
    {
        var oh = o / outW;
        var ow = o - (oh * outW);
        return (((2 * oh) + (at >> 1)) * width) + (2 * ow) + (at & 1);
    }
}
