using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// Copies blocks of op(A) and op(B) into the layouts the SGEMM micro-kernel streams through: A as slivers of
/// <see cref="GemmMicroKernel.Rows"/> rows stored column by column, B as slivers of
/// <see cref="GemmMicroKernel.Columns"/> columns stored row by row. Slivers at the edges are zero-padded, so the
/// micro-kernel does the same arithmetic for every element of C. The caller guarantees the ranges lie inside the
/// operands (<see cref="Gemm"/> checks the buffer lengths once).
/// </summary>
internal static class GemmPacking
{
    private const int Mr = GemmMicroKernel.Rows;
    private static readonly int Nr = GemmMicroKernel.Columns;

    /// <summary>
    /// Packs rows [i0, i0 + mc) and reduction indices [p0, p0 + kc) of op(A) (m×k) into <paramref name="dst"/>:
    /// sliver s holds rows i0 + s·MR.., laid out [kc][MR] at offset s·MR·kc.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackA(
        ReadOnlySpan<float> a, bool transA, int m, int k, int i0, int mc, int p0, int kc, Span<float> dst)
    {
        _ = dst[(((mc + Mr - 1) / Mr) * Mr * kc) - 1];
        ref var src = ref MemoryMarshal.GetReference(a);
        ref var d = ref MemoryMarshal.GetReference(dst);
        for (var s = 0; s * Mr < mc; s++)
        {
            var i = i0 + (s * Mr);
            var rows = Math.Min(Mr, i0 + mc - i);
            if (rows < Mr)
            {
                dst.Slice(s * Mr * kc, Mr * kc).Clear();
            }

            if (transA)
            {
                // op(A)[i + r, p] = a[p·m + i + r]: each p is a run of consecutive floats.
                for (var p = 0; p < kc; p++)
                {
                    ref var row = ref Unsafe.Add(ref src, ((p0 + p) * m) + i);
                    for (var r = 0; r < rows; r++)
                    {
                        Unsafe.Add(ref d, r) = Unsafe.Add(ref row, r);
                    }

                    d = ref Unsafe.Add(ref d, Mr);
                }

                continue;
            }

            for (var r = 0; r < rows; r++)
            {
                ref var row = ref Unsafe.Add(ref src, ((i + r) * k) + p0);
                for (var p = 0; p < kc; p++)
                {
                    Unsafe.Add(ref d, (p * Mr) + r) = Unsafe.Add(ref row, p);
                }
            }

            d = ref Unsafe.Add(ref d, Mr * kc);
        }
    }

    /// <summary>
    /// Packs reduction indices [p0, p0 + kc) and columns [j0, j0 + nc) of op(B) (k×n) into <paramref name="dst"/>:
    /// sliver s holds columns j0 + s·NR.., laid out [kc][NR] at offset s·NR·kc.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(
        ReadOnlySpan<float> b, bool transB, int n, int k, int j0, int nc, int p0, int kc, Span<float> dst)
    {
        _ = dst[(((nc + Nr - 1) / Nr) * Nr * kc) - 1];
        ref var src = ref MemoryMarshal.GetReference(b);
        ref var d = ref MemoryMarshal.GetReference(dst);
        for (var s = 0; s * Nr < nc; s++)
        {
            var j = j0 + (s * Nr);
            var cols = Math.Min(Nr, j0 + nc - j);
            if (cols < Nr)
            {
                dst.Slice(s * Nr * kc, Nr * kc).Clear();
            }

            if (transB && cols == Nr && Avx.IsSupported)
            {
                // Blocks of 8 columns × 8 reduction indices, transposed in registers; the rest of kc one by one.
                var p = 0;
                for (; p + 8 <= kc; p += 8)
                {
                    for (var half = 0; half < Nr; half += 8)
                    {
                        ref var first = ref Unsafe.Add(ref src, ((j + half) * k) + p0 + p);
                        Lanes.Transpose8x8(ref first, k, ref Unsafe.Add(ref d, (p * Nr) + half), Nr);
                    }
                }

                for (; p < kc; p++)
                {
                    for (var q = 0; q < Nr; q++)
                    {
                        Unsafe.Add(ref d, (p * Nr) + q) = Unsafe.Add(ref src, ((j + q) * k) + p0 + p);
                    }
                }
            }
            else if (transB)
            {
                // op(B)[p, j + q] = b[(j + q)·k + p]: each column is a run of consecutive floats.
                for (var q = 0; q < cols; q++)
                {
                    ref var col = ref Unsafe.Add(ref src, ((j + q) * k) + p0);
                    for (var p = 0; p < kc; p++)
                    {
                        Unsafe.Add(ref d, (p * Nr) + q) = Unsafe.Add(ref col, p);
                    }
                }
            }
            else if (cols == Nr && Vector256.IsHardwareAccelerated)
            {
                for (var p = 0; p < kc; p++)
                {
                    ref var row = ref Unsafe.Add(ref src, ((p0 + p) * n) + j);
                    for (var q = 0; q < Nr; q += 8)
                    {
                        Vector256.LoadUnsafe(ref row, (nuint)q).StoreUnsafe(ref d, (nuint)((p * Nr) + q));
                    }
                }
            }
            else
            {
                for (var p = 0; p < kc; p++)
                {
                    ref var row = ref Unsafe.Add(ref src, ((p0 + p) * n) + j);
                    for (var q = 0; q < cols; q++)
                    {
                        Unsafe.Add(ref d, (p * Nr) + q) = Unsafe.Add(ref row, q);
                    }
                }
            }

            d = ref Unsafe.Add(ref d, Nr * kc);
        }
    }
}
