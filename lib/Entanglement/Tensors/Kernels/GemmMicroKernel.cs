using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// The SGEMM inner loop: a <see cref="Rows"/>×<see cref="Columns"/> block of C accumulated in twelve 256-bit
/// registers over a packed A sliver and a packed B sliver, with fused multiply-add where the runtime offers it.
/// </summary>
internal static class GemmMicroKernel
{
    /// <summary>Rows of C per micro-tile (MR).</summary>
    public const int Rows = 6;

    /// <summary>
    /// Columns of C per micro-tile (NR): two vectors, of 16 floats where 512-bit vectors are accelerated, else of 8.
    /// Every element of C is reduced in the same order either way, so results do not depend on it.
    /// </summary>
    public static readonly int Columns = Vector512.IsHardwareAccelerated ? 32 : 16;

    /// <summary>
    /// C[0..6, 0..NR) (row stride <paramref name="ldc"/>) = (<paramref name="overwrite"/> ? 0 : C) + Σₚ aₚ·bₚᵀ over
    /// the <paramref name="kc"/> packed columns of <paramref name="a"/> and rows of <paramref name="b"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int ldc, bool overwrite)
    {
        if (Columns == 32)
        {
            Run512(kc, a, b, c, ldc, overwrite);
            return;
        }

        if (!Vector256.IsHardwareAccelerated)
        {
            RunScalar(kc, a, b, c, ldc, overwrite);
            return;
        }

        Run256(kc, a, b, c, ldc, overwrite);
    }

    /// <summary><see cref="Run"/> with 256-bit vectors: a 6×16 block of C in twelve registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run256(int kc, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int ldc, bool overwrite)
    {
        _ = a[(kc * Rows) - 1];
        _ = b[(kc * 16) - 1];
        ref var ap = ref MemoryMarshal.GetReference(a);
        ref var bp = ref MemoryMarshal.GetReference(b);
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector256.LoadUnsafe(ref bp);
            var b1 = Vector256.LoadUnsafe(ref bp, 8);
            var av = Vector256.Create(ap);
            c00 = Fma(av, b0, c00);
            c01 = Fma(av, b1, c01);
            av = Vector256.Create(Unsafe.Add(ref ap, 1));
            c10 = Fma(av, b0, c10);
            c11 = Fma(av, b1, c11);
            av = Vector256.Create(Unsafe.Add(ref ap, 2));
            c20 = Fma(av, b0, c20);
            c21 = Fma(av, b1, c21);
            av = Vector256.Create(Unsafe.Add(ref ap, 3));
            c30 = Fma(av, b0, c30);
            c31 = Fma(av, b1, c31);
            av = Vector256.Create(Unsafe.Add(ref ap, 4));
            c40 = Fma(av, b0, c40);
            c41 = Fma(av, b1, c41);
            av = Vector256.Create(Unsafe.Add(ref ap, 5));
            c50 = Fma(av, b0, c50);
            c51 = Fma(av, b1, c51);
            ap = ref Unsafe.Add(ref ap, Rows);
            bp = ref Unsafe.Add(ref bp, 16);
        }

        ref var cp = ref MemoryMarshal.GetReference(c);
        _ = c[(5 * ldc) + 15];
        Store(ref cp, c00, c01, overwrite);
        Store(ref Unsafe.Add(ref cp, ldc), c10, c11, overwrite);
        Store(ref Unsafe.Add(ref cp, 2 * ldc), c20, c21, overwrite);
        Store(ref Unsafe.Add(ref cp, 3 * ldc), c30, c31, overwrite);
        Store(ref Unsafe.Add(ref cp, 4 * ldc), c40, c41, overwrite);
        Store(ref Unsafe.Add(ref cp, 5 * ldc), c50, c51, overwrite);
    }

    /// <summary><see cref="Run"/> with 512-bit vectors: a 6×32 block of C in twelve registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Run512(int kc, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int ldc, bool overwrite)
    {
        _ = a[(kc * Rows) - 1];
        _ = b[(kc * 32) - 1];
        ref var ap = ref MemoryMarshal.GetReference(a);
        ref var bp = ref MemoryMarshal.GetReference(b);
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (var p = 0; p < kc; p++)
        {
            var b0 = Vector512.LoadUnsafe(ref bp);
            var b1 = Vector512.LoadUnsafe(ref bp, 16);
            var av = Vector512.Create(ap);
            c00 = Vector512.FusedMultiplyAdd(av, b0, c00);
            c01 = Vector512.FusedMultiplyAdd(av, b1, c01);
            av = Vector512.Create(Unsafe.Add(ref ap, 1));
            c10 = Vector512.FusedMultiplyAdd(av, b0, c10);
            c11 = Vector512.FusedMultiplyAdd(av, b1, c11);
            av = Vector512.Create(Unsafe.Add(ref ap, 2));
            c20 = Vector512.FusedMultiplyAdd(av, b0, c20);
            c21 = Vector512.FusedMultiplyAdd(av, b1, c21);
            av = Vector512.Create(Unsafe.Add(ref ap, 3));
            c30 = Vector512.FusedMultiplyAdd(av, b0, c30);
            c31 = Vector512.FusedMultiplyAdd(av, b1, c31);
            av = Vector512.Create(Unsafe.Add(ref ap, 4));
            c40 = Vector512.FusedMultiplyAdd(av, b0, c40);
            c41 = Vector512.FusedMultiplyAdd(av, b1, c41);
            av = Vector512.Create(Unsafe.Add(ref ap, 5));
            c50 = Vector512.FusedMultiplyAdd(av, b0, c50);
            c51 = Vector512.FusedMultiplyAdd(av, b1, c51);
            ap = ref Unsafe.Add(ref ap, Rows);
            bp = ref Unsafe.Add(ref bp, 32);
        }

        ref var cp = ref MemoryMarshal.GetReference(c);
        _ = c[(5 * ldc) + 31];
        Store(ref cp, c00, c01, overwrite);
        Store(ref Unsafe.Add(ref cp, ldc), c10, c11, overwrite);
        Store(ref Unsafe.Add(ref cp, 2 * ldc), c20, c21, overwrite);
        Store(ref Unsafe.Add(ref cp, 3 * ldc), c30, c31, overwrite);
        Store(ref Unsafe.Add(ref cp, 4 * ldc), c40, c41, overwrite);
        Store(ref Unsafe.Add(ref cp, 5 * ldc), c50, c51, overwrite);
    }

    /// <summary>One row of a micro-tile: C[0..32) = (<paramref name="overwrite"/> ? 0 : C) + (lo, hi).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static void Store(ref float c, Vector512<float> lo, Vector512<float> hi, bool overwrite)
    {
        if (!overwrite)
        {
            lo = Vector512.LoadUnsafe(ref c) + lo;
            hi = Vector512.LoadUnsafe(ref c, 16) + hi;
        }

        lo.StoreUnsafe(ref c);
        hi.StoreUnsafe(ref c, 16);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Fma(Vector256<float> a, Vector256<float> b, Vector256<float> c) =>
#if NET9_0_OR_GREATER
        Vector256.FusedMultiplyAdd(a, b, c);
#else
        (a * b) + c;
#endif

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Store(ref float c, Vector256<float> lo, Vector256<float> hi, bool overwrite)
    {
        if (!overwrite)
        {
            lo = Vector256.LoadUnsafe(ref c) + lo;
            hi = Vector256.LoadUnsafe(ref c, 8) + hi;
        }

        lo.StoreUnsafe(ref c);
        hi.StoreUnsafe(ref c, 8);
    }

    private static void RunScalar(int kc, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, int ldc, bool overwrite)
    {
        Span<float> acc = stackalloc float[Rows * Columns];
        acc.Clear();
        for (var p = 0; p < kc; p++)
        {
            for (var r = 0; r < Rows; r++)
            {
                var ar = a[(p * Rows) + r];
                for (var q = 0; q < Columns; q++)
                {
                    acc[(r * Columns) + q] += ar * b[(p * Columns) + q];
                }
            }
        }

        for (var r = 0; r < Rows; r++)
        {
            for (var q = 0; q < Columns; q++)
            {
                var v = acc[(r * Columns) + q];
                c[(r * ldc) + q] = overwrite ? v : c[(r * ldc) + q] + v;
            }
        }
    }
}
