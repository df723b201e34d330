using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Entanglement.Tensors.Kernels;

/// <summary>Rearrangements of vector lanes shared by the kernels: even/odd splits for stride 2, an 8×8 transpose.</summary>
internal static class Lanes
{
    /// <summary>The even and the odd elements of the 16 floats lo ‖ hi, each in order.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<float> Even, Vector256<float> Odd) EvenOdd(Vector256<float> lo, Vector256<float> hi)
    {
        var order = Vector256.Create(0, 2, 4, 6, 1, 3, 5, 7);
        lo = Vector256.Shuffle(lo, order);
        hi = Vector256.Shuffle(hi, order);
        return (Vector256.Create(lo.GetLower(), hi.GetLower()), Vector256.Create(lo.GetUpper(), hi.GetUpper()));
    }

    /// <summary>The inverse of <see cref="EvenOdd"/>: e0 o0 e1 o1 … e7 o7 as two vectors.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<float> Lo, Vector256<float> Hi) Interleave(Vector256<float> even, Vector256<float> odd)
    {
        var order = Vector256.Create(0, 4, 1, 5, 2, 6, 3, 7);
        return (Vector256.Shuffle(Vector256.Create(even.GetLower(), odd.GetLower()), order),
            Vector256.Shuffle(Vector256.Create(even.GetUpper(), odd.GetUpper()), order));
    }

    /// <summary>
    /// dst[r·dstStride + q] = src[q·srcStride + r] for q, r in [0, 8): an 8×8 block transposed in registers
    /// (unpack, shuffle, 128-bit permute). Needs AVX.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Transpose8x8(ref float src, int srcStride, ref float dst, int dstStride)
    {
        var s = (nuint)srcStride;
        var r0 = Vector256.LoadUnsafe(ref src);
        var r1 = Vector256.LoadUnsafe(ref src, s);
        var r2 = Vector256.LoadUnsafe(ref src, 2 * s);
        var r3 = Vector256.LoadUnsafe(ref src, 3 * s);
        var r4 = Vector256.LoadUnsafe(ref src, 4 * s);
        var r5 = Vector256.LoadUnsafe(ref src, 5 * s);
        var r6 = Vector256.LoadUnsafe(ref src, 6 * s);
        var r7 = Vector256.LoadUnsafe(ref src, 7 * s);
        Vector256<float> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1), t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
        Vector256<float> t4 = Avx.UnpackLow(r4, r5), t5 = Avx.UnpackHigh(r4, r5), t6 = Avx.UnpackLow(r6, r7), t7 = Avx.UnpackHigh(r6, r7);
        Vector256<float> u0 = Avx.Shuffle(t0, t2, 0x44), u1 = Avx.Shuffle(t0, t2, 0xEE), u2 = Avx.Shuffle(t1, t3, 0x44), u3 = Avx.Shuffle(t1, t3, 0xEE);
        Vector256<float> u4 = Avx.Shuffle(t4, t6, 0x44), u5 = Avx.Shuffle(t4, t6, 0xEE), u6 = Avx.Shuffle(t5, t7, 0x44), u7 = Avx.Shuffle(t5, t7, 0xEE);
        var d = (nuint)dstStride;
        Avx.Permute2x128(u0, u4, 0x20).StoreUnsafe(ref dst);
        Avx.Permute2x128(u1, u5, 0x20).StoreUnsafe(ref dst, d);
        Avx.Permute2x128(u2, u6, 0x20).StoreUnsafe(ref dst, 2 * d);
        Avx.Permute2x128(u3, u7, 0x20).StoreUnsafe(ref dst, 3 * d);
        Avx.Permute2x128(u0, u4, 0x31).StoreUnsafe(ref dst, 4 * d);
        Avx.Permute2x128(u1, u5, 0x31).StoreUnsafe(ref dst, 5 * d);
        Avx.Permute2x128(u2, u6, 0x31).StoreUnsafe(ref dst, 6 * d);
        Avx.Permute2x128(u3, u7, 0x31).StoreUnsafe(ref dst, 7 * d);
    }
}
