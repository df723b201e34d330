using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// The inner loop of <see cref="ShiftedConvKernel"/>: the SGEMM micro-kernel (a 6×32 block of C in twelve 512-bit
/// registers, one fused multiply-add chain per element, reduction index p = 0, 1, … in turn) whose B operand is not
/// a packed buffer but 32 consecutive floats of a zero-padded image at a per-p offset. Reading B straight from the
/// image replaces im2col and the packing of B.
/// </summary>
internal static class ShiftedMicroKernel
{
    /// <summary>Rows of C per block (output channels).</summary>
    public const int Rows = 6;

    /// <summary>Columns of C per block (flattened positions): two 512-bit vectors.</summary>
    public const int Columns = 32;

    /// <summary>Rows (window taps) of a <see cref="RunTapsNarrow"/> block.</summary>
    public const int NarrowRows = 12;

    /// <summary>Columns (output channels) of a <see cref="RunTapsNarrow"/> block: one 512-bit vector.</summary>
    public const int NarrowColumns = 16;

    /// <summary>
    /// C[r, 0..32) (row stride <paramref name="ldc"/>) = (<paramref name="overwrite"/> ? 0 : C) + Σₚ a[p·6 + r] ·
    /// b[offsets[p] .. + 32) for p in [0, kc). The caller guarantees every read and write lies inside its buffer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, ref float a, ref float b, ref int offsets, ref float c, int ldc, bool overwrite)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            ref var bp = ref Unsafe.Add(ref b, Unsafe.Add(ref offsets, p));
            var b0 = Vector512.LoadUnsafe(ref bp);
            var b1 = Vector512.LoadUnsafe(ref bp, 16);
            var av = Vector512.Create(a);
            c00 = Vector512.FusedMultiplyAdd(av, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(Unsafe.Add(ref a, 1));
            c10 = Vector512.FusedMultiplyAdd(av, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(Unsafe.Add(ref a, 2));
            c20 = Vector512.FusedMultiplyAdd(av, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(Unsafe.Add(ref a, 3));
            c30 = Vector512.FusedMultiplyAdd(av, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(Unsafe.Add(ref a, 4));
            c40 = Vector512.FusedMultiplyAdd(av, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(Unsafe.Add(ref a, 5));
            c50 = Vector512.FusedMultiplyAdd(av, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(av, b1, c51);
            a = ref Unsafe.Add(ref a, Rows);
        }

        Store(ref c, c00, c01, overwrite);
        Store(ref Unsafe.Add(ref c, ldc), c10, c11, overwrite);
        Store(ref Unsafe.Add(ref c, 2 * ldc), c20, c21, overwrite);
        Store(ref Unsafe.Add(ref c, 3 * ldc), c30, c31, overwrite);
        Store(ref Unsafe.Add(ref c, 4 * ldc), c40, c41, overwrite);
        Store(ref Unsafe.Add(ref c, 5 * ldc), c50, c51, overwrite);
    }

    /// <summary>
    /// C[r, 0..32) (row stride <paramref name="ldc"/>) = (<paramref name="overwrite"/> ? 0 : C) + Σ_q x[offsets[r] + q] ·
    /// b[q·ldb .. + 32) for q in [q0, q1): the weight-gradient block of six window taps (rows) by 32 output channels,
    /// reduced over flattened positions. The caller guarantees every read and write lies inside its buffer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunTaps(int q0, int q1, ref float x, ref int offsets, ref float b, int ldb, ref float c, int ldc, bool overwrite)
    {
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        ref var x0 = ref Unsafe.Add(ref x, offsets);
        ref var x1 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 1));
        ref var x2 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 2));
        ref var x3 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 3));
        ref var x4 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 4));
        ref var x5 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 5));
        for (var q = q0; q < q1; q++)
        {
            ref var bp = ref Unsafe.Add(ref b, (nint)q * ldb);
            var b0 = Vector512.LoadUnsafe(ref bp);
            var b1 = Vector512.LoadUnsafe(ref bp, 16);
            var av = Vector512.Create(Unsafe.Add(ref x0, q));
            c00 = Vector512.FusedMultiplyAdd(av, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(Unsafe.Add(ref x1, q));
            c10 = Vector512.FusedMultiplyAdd(av, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(Unsafe.Add(ref x2, q));
            c20 = Vector512.FusedMultiplyAdd(av, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(Unsafe.Add(ref x3, q));
            c30 = Vector512.FusedMultiplyAdd(av, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(Unsafe.Add(ref x4, q));
            c40 = Vector512.FusedMultiplyAdd(av, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(Unsafe.Add(ref x5, q));
            c50 = Vector512.FusedMultiplyAdd(av, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(av, b1, c51);
        }

        Store(ref c, c00, c01, overwrite);
        Store(ref Unsafe.Add(ref c, ldc), c10, c11, overwrite);
        Store(ref Unsafe.Add(ref c, 2 * ldc), c20, c21, overwrite);
        Store(ref Unsafe.Add(ref c, 3 * ldc), c30, c31, overwrite);
        Store(ref Unsafe.Add(ref c, 4 * ldc), c40, c41, overwrite);
        Store(ref Unsafe.Add(ref c, 5 * ldc), c50, c51, overwrite);
    }

    /// <summary>
    /// <see cref="RunTaps"/> for at most 16 output channels: C[r, 0..16) for twelve window taps r, each element the
    /// same fused multiply-add chain over q in [q0, q1).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void RunTapsNarrow(int q0, int q1, ref float x, ref int offsets, ref float b, int ldb, ref float c, int ldc, bool overwrite)
    {
        Vector512<float> c0 = default, c1 = default, c2 = default, c3 = default, c4 = default, c5 = default;
        Vector512<float> c6 = default, c7 = default, c8 = default, c9 = default, c10 = default, c11 = default;
        ref var x0 = ref Unsafe.Add(ref x, offsets);
        ref var x1 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 1));
        ref var x2 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 2));
        ref var x3 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 3));
        ref var x4 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 4));
        ref var x5 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 5));
        ref var x6 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 6));
        ref var x7 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 7));
        ref var x8 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 8));
        ref var x9 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 9));
        ref var x10 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 10));
        ref var x11 = ref Unsafe.Add(ref x, Unsafe.Add(ref offsets, 11));
        for (var q = q0; q < q1; q++)
        {
            var bv = Vector512.LoadUnsafe(ref Unsafe.Add(ref b, (nint)q * ldb));
            c0 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x0, q)), bv, c0);
            c1 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x1, q)), bv, c1);
            c2 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x2, q)), bv, c2);
            c3 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x3, q)), bv, c3);
            c4 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x4, q)), bv, c4);
            c5 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x5, q)), bv, c5);
            c6 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x6, q)), bv, c6);
            c7 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x7, q)), bv, c7);
            c8 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x8, q)), bv, c8);
            c9 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x9, q)), bv, c9);
            c10 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x10, q)), bv, c10);
            c11 = Vector512.FusedMultiplyAdd(Vector512.Create(Unsafe.Add(ref x11, q)), bv, c11);
        }

        Store(ref c, c0, overwrite);
        Store(ref Unsafe.Add(ref c, 1 * ldc), c1, overwrite);
        Store(ref Unsafe.Add(ref c, 2 * ldc), c2, overwrite);
        Store(ref Unsafe.Add(ref c, 3 * ldc), c3, overwrite);
        Store(ref Unsafe.Add(ref c, 4 * ldc), c4, overwrite);
        Store(ref Unsafe.Add(ref c, 5 * ldc), c5, overwrite);
        Store(ref Unsafe.Add(ref c, 6 * ldc), c6, overwrite);
        Store(ref Unsafe.Add(ref c, 7 * ldc), c7, overwrite);
        Store(ref Unsafe.Add(ref c, 8 * ldc), c8, overwrite);
        Store(ref Unsafe.Add(ref c, 9 * ldc), c9, overwrite);
        Store(ref Unsafe.Add(ref c, 10 * ldc), c10, overwrite);
        Store(ref Unsafe.Add(ref c, 11 * ldc), c11, overwrite);
    }

    /// <summary>C[r, 0..32) (row stride <paramref name="ldc"/>) = (<paramref name="overwrite"/> ? 0 : C) + T[r, 0..32) (row stride 32).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Add(ref float t, ref float c, int ldc, bool overwrite)
    {
        for (var r = 0; r < Rows; r++)
        {
            ref var tr = ref Unsafe.Add(ref t, r * Columns);
            Store(ref Unsafe.Add(ref c, r * ldc), Vector512.LoadUnsafe(ref tr), Vector512.LoadUnsafe(ref tr, 16), overwrite);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float c, Vector512<float> v, bool overwrite)
    {
        if (!overwrite)
        {
            v = Vector512.LoadUnsafe(ref c) + v;
        }

        v.StoreUnsafe(ref c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float c, Vector512<float> lo, Vector512<float> hi, bool overwrite)
    {
        if (!overwrite)
        {
            lo = Vector512.LoadUnsafe(ref c) + lo;
            hi = Vector512.LoadUnsafe(ref c, 16) + hi;
        }

        lo.StoreUnsafe(ref c);
        hi.StoreUnsafe(ref c, 16);
    }
}
