using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// <see cref="ShiftedMicroKernel.Run"/> for two slivers of output channels at once: a 12×32 block of C in twenty-four
/// 512-bit registers, so each pair of image vectors loaded feeds 24 fused multiply-adds instead of 12. Each element is
/// the same chain over p as in the 6-row kernel, so the bits are the same.
/// </summary>
internal static class ShiftedWideKernel
{
    private const int Mr = ShiftedMicroKernel.Rows;

    /// <summary>
    /// C[r, 0..32) for r in [0, 12) (row stride <paramref name="ldc"/>) = (<paramref name="overwrite"/> ? 0 : C) +
    /// Σₚ A[p, r] · b[offsets[p] .. + 32) for p in [0, kc), where rows 0–5 of A are the packed sliver at
    /// <paramref name="a"/> and rows 6–11 the one <paramref name="aStride"/> floats further. The caller guarantees
    /// every read and write lies inside its buffer.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Run(int kc, ref float a, int aStride, ref float b, ref int offsets, ref float c, int ldc, bool overwrite)
    {
        ref var a2 = ref Unsafe.Add(ref a, aStride);
        Vector512<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        Vector512<float> d00 = default, d01 = default, d10 = default, d11 = default, d20 = default, d21 = default;
        Vector512<float> d30 = default, d31 = default, d40 = default, d41 = default, d50 = default, d51 = default;
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
            av = Vector512.Create(a2);
            d00 = Vector512.FusedMultiplyAdd(av, b0, d00);
            d01 = Vector512.FusedMultiplyAdd(av, b1, d01);
            av = Vector512.Create(Unsafe.Add(ref a2, 1));
            d10 = Vector512.FusedMultiplyAdd(av, b0, d10);
            d11 = Vector512.FusedMultiplyAdd(av, b1, d11);
            av = Vector512.Create(Unsafe.Add(ref a2, 2));
            d20 = Vector512.FusedMultiplyAdd(av, b0, d20);
            d21 = Vector512.FusedMultiplyAdd(av, b1, d21);
            av = Vector512.Create(Unsafe.Add(ref a2, 3));
            d30 = Vector512.FusedMultiplyAdd(av, b0, d30);
            d31 = Vector512.FusedMultiplyAdd(av, b1, d31);
            av = Vector512.Create(Unsafe.Add(ref a2, 4));
            d40 = Vector512.FusedMultiplyAdd(av, b0, d40);
            d41 = Vector512.FusedMultiplyAdd(av, b1, d41);
            av = Vector512.Create(Unsafe.Add(ref a2, 5));
            d50 = Vector512.FusedMultiplyAdd(av, b0, d50);
            d51 = Vector512.FusedMultiplyAdd(av, b1, d51);
            a = ref Unsafe.Add(ref a, Mr);
            a2 = ref Unsafe.Add(ref a2, Mr);
        }

        GemmMicroKernel.Store(ref c, c00, c01, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, ldc), c10, c11, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 2 * ldc), c20, c21, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 3 * ldc), c30, c31, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 4 * ldc), c40, c41, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 5 * ldc), c50, c51, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 6 * ldc), d00, d01, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 7 * ldc), d10, d11, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 8 * ldc), d20, d21, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 9 * ldc), d30, d31, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 10 * ldc), d40, d41, overwrite);
        GemmMicroKernel.Store(ref Unsafe.Add(ref c, 11 * ldc), d50, d51, overwrite);
    }
}
