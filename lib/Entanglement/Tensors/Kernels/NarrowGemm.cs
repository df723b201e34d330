using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// C (m×n) = A·Bᵀ (+ C) for a narrow C (n ≤ <see cref="MaxColumns"/>), with A m×k and B n×k row-major: a linear
/// layer with few outputs (logistic regression, a classifier head). The packed <see cref="Gemm"/> path would pack
/// all of A and fill mostly padded micro-tiles; here each lane of a 256-bit vector is one row of C: a sweep takes
/// sixteen rows of A (two groups of eight), transposes them in registers four reduction indices at a time, and
/// accumulates up to four columns of C (eight independent chains of fused multiply-adds). Every element of C is reduced exactly as the packed path reduces it (from zero, one fused multiply-add per
/// p in order, within blocks of <see cref="Gemm.KBlock"/> indices added to C in turn), so the results are identical.
/// </summary>
internal static class NarrowGemm
{
    /// <summary>The widest C this kernel takes; wider ones go to the packed path.</summary>
    public const int MaxColumns = 16;

    private const int Lanes = 8;
    private const int RowsPerTask = 128;

    /// <summary>Whether C = A·Bᵀ with <paramref name="n"/> columns runs here (it needs AVX and FMA).</summary>
    public static bool Applies(bool transA, bool transB, int n) =>
        !transA && transB && n <= MaxColumns && Avx.IsSupported && Fma.IsSupported;

    /// <summary>C (m×n) = A·Bᵀ, or C += A·Bᵀ when <paramref name="accumulate"/>; sizes checked by the caller.</summary>
    public static void Run(int m, int n, int k, ReadOnlyMemory<float> a, ReadOnlyMemory<float> b, Memory<float> c, bool accumulate)
    {
        var tasks = (m + RowsPerTask - 1) / RowsPerTask;
        if (tasks > 1 && Device.Cpu.Threads > 1 && 2L * m * n * k >= Gemm.ParallelFlops)
        {
            Parallel.For(0, tasks, Device.Cpu.ParallelOptions, t =>
            {
                var i0 = t * RowsPerTask;
                Rows(i0, Math.Min(m, i0 + RowsPerTask), n, k, a.Span, b.Span, c.Span, accumulate);
            });
            return;
        }

        Rows(0, m, n, k, a.Span, b.Span, c.Span, accumulate);
    }

    /// <summary>Rows [first, last) of C in tiles of sixteen; a last tile of fewer rows reads a zero-padded copy of them.</summary>
    private static void Rows(int first, int last, int n, int k, ReadOnlySpan<float> a, ReadOnlySpan<float> b, Span<float> c, bool accumulate)
    {
        for (var j0 = 0; j0 < n; j0 += 4)
        {
            var columns = Math.Min(4, n - j0);
            const int tileRows = 2 * Lanes;
            for (var i0 = first; i0 < last; i0 += tileRows)
            {
                var rows = Math.Min(tileRows, last - i0);
                if (rows == tileRows)
                {
                    Sweep(columns, a.Slice(i0 * k, rows * k), k, b, n, c, i0, rows, j0, accumulate);
                    continue;
                }

                var padded = ArrayPool<float>.Shared.Rent(tileRows * k);
                a.Slice(i0 * k, rows * k).CopyTo(padded);
                padded.AsSpan(rows * k, (tileRows - rows) * k).Clear();
                Sweep(columns, padded.AsSpan(0, tileRows * k), k, b, n, c, i0, rows, j0, accumulate);
                ArrayPool<float>.Shared.Return(padded);
            }
        }
    }

    private static void Sweep(int columns, ReadOnlySpan<float> tile, int k, ReadOnlySpan<float> b, int n, Span<float> c, int i0, int rows, int j0, bool accumulate)
    {
        switch (columns)
        {
            case 1:
                Sweep<One>(tile, k, b, n, c, i0, rows, j0, accumulate);
                break;
            case 2:
                Sweep<Two>(tile, k, b, n, c, i0, rows, j0, accumulate);
                break;
            case 3:
                Sweep<Three>(tile, k, b, n, c, i0, rows, j0, accumulate);
                break;
            default:
                Sweep<Four>(tile, k, b, n, c, i0, rows, j0, accumulate);
                break;
        }
    }

    /// <summary>
    /// Columns [j0, j0 + TColumns) of C for sixteen rows of A (<paramref name="tile"/>, row stride k), as two row
    /// groups of eight lanes: per block of reduction indices, accumulators start at zero and take one fused
    /// multiply-add per index, then go into C.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Sweep<TColumns>(ReadOnlySpan<float> tile, int k, ReadOnlySpan<float> b, int n, Span<float> c, int i0, int rows, int j0, bool accumulate)
        where TColumns : struct, ICount
    {
        _ = b[((j0 + TColumns.Value) * k) - 1];
        _ = tile[(2 * Lanes * k) - 1];
        ref var x = ref MemoryMarshal.GetReference(tile);
        ref var w0 = ref Unsafe.Add(ref MemoryMarshal.GetReference(b), j0 * k);
        ref var w1 = ref Unsafe.Add(ref w0, TColumns.Value > 1 ? k : 0);
        ref var w2 = ref Unsafe.Add(ref w0, TColumns.Value > 2 ? 2 * k : 0);
        ref var w3 = ref Unsafe.Add(ref w0, TColumns.Value > 3 ? 3 * k : 0);
        var s = (nuint)k;
        var g = Lanes * s;
        for (var p0 = 0; p0 < k; p0 += Gemm.KBlock)
        {
            var end = Math.Min(k, p0 + Gemm.KBlock);
            var acc = default(Accumulators);
            var p = p0;
            for (; p + 4 <= end; p += 4)
            {
                ref var r = ref Unsafe.Add(ref x, p);
                var (x0, x1, x2, x3) = Transpose4(ref r, s);
                var (y0, y1, y2, y3) = Transpose4(ref Unsafe.Add(ref r, g), s);
                Step<TColumns>(x0, y0, ref acc, ref w0, ref w1, ref w2, ref w3, p);
                Step<TColumns>(x1, y1, ref acc, ref w0, ref w1, ref w2, ref w3, p + 1);
                Step<TColumns>(x2, y2, ref acc, ref w0, ref w1, ref w2, ref w3, p + 2);
                Step<TColumns>(x3, y3, ref acc, ref w0, ref w1, ref w2, ref w3, p + 3);
            }

            var last = new Tail(p, end, !accumulate && p0 == 0);
            Store<TColumns>(acc.X0, acc.X1, acc.X2, acc.X3, tile, k, b, c, i0, 0, rows, n, j0, last);
            Store<TColumns>(acc.Y0, acc.Y1, acc.Y2, acc.Y3, tile, k, b, c, i0, 1, rows, n, j0, last);
        }
    }

    /// <summary>One reduction index p for both row groups: B[j0 + j, p] is broadcast once and used twice.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Step<TColumns>(
        Vector256<float> x,
        Vector256<float> y,
        ref Accumulators acc,
        ref float w0,
        ref float w1,
        ref float w2,
        ref float w3,
        int p)
        where TColumns : struct, ICount
    {
        var v = Vector256.Create(Unsafe.Add(ref w0, p));
        acc.X0 = Vector256.FusedMultiplyAdd(x, v, acc.X0);
        acc.Y0 = Vector256.FusedMultiplyAdd(y, v, acc.Y0);
        if (TColumns.Value > 1)
        {
            v = Vector256.Create(Unsafe.Add(ref w1, p));
            acc.X1 = Vector256.FusedMultiplyAdd(x, v, acc.X1);
            acc.Y1 = Vector256.FusedMultiplyAdd(y, v, acc.Y1);
        }

        if (TColumns.Value > 2)
        {
            v = Vector256.Create(Unsafe.Add(ref w2, p));
            acc.X2 = Vector256.FusedMultiplyAdd(x, v, acc.X2);
            acc.Y2 = Vector256.FusedMultiplyAdd(y, v, acc.Y2);
        }

        if (TColumns.Value > 3)
        {
            v = Vector256.Create(Unsafe.Add(ref w3, p));
            acc.X3 = Vector256.FusedMultiplyAdd(x, v, acc.X3);
            acc.Y3 = Vector256.FusedMultiplyAdd(y, v, acc.Y3);
        }
    }

    /// <summary>
    /// Columns 0..3 of eight rows (row l at <paramref name="r"/> + l·s): each 128-bit half holds four rows, the
    /// halves are transposed 4×4 in-lane, so column t has row l in lane l.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<float>, Vector256<float>, Vector256<float>, Vector256<float>) Transpose4(ref float r, nuint s)
    {
        var r0 = Vector256.Create(Vector128.LoadUnsafe(ref r), Vector128.LoadUnsafe(ref r, 4 * s));
        var r1 = Vector256.Create(Vector128.LoadUnsafe(ref r, s), Vector128.LoadUnsafe(ref r, 5 * s));
        var r2 = Vector256.Create(Vector128.LoadUnsafe(ref r, 2 * s), Vector128.LoadUnsafe(ref r, 6 * s));
        var r3 = Vector256.Create(Vector128.LoadUnsafe(ref r, 3 * s), Vector128.LoadUnsafe(ref r, 7 * s));
        var t0 = Avx.UnpackLow(r0, r1);
        var t1 = Avx.UnpackHigh(r0, r1);
        var t2 = Avx.UnpackLow(r2, r3);
        var t3 = Avx.UnpackHigh(r2, r3);
        return (Avx.Shuffle(t0, t2, 0x44), Avx.Shuffle(t0, t2, 0xEE), Avx.Shuffle(t1, t3, 0x44), Avx.Shuffle(t1, t3, 0xEE));
    }

    /// <summary>
    /// Columns j0.. of C for one row group's rows (up to eight): each lane's chain finishes the block's last (k mod 8)
    /// indices with scalar fused multiply-adds (the same arithmetic), then goes into C: acc, or C + acc.
    /// </summary>
    private static void Store<TColumns>(
        Vector256<float> acc0,
        Vector256<float> acc1,
        Vector256<float> acc2,
        Vector256<float> acc3,
        ReadOnlySpan<float> tile,
        int k,
        ReadOnlySpan<float> b,
        Span<float> c,
        int i0,
        int group,
        int rows,
        int n,
        int j0,
        Tail last)
        where TColumns : struct, ICount
    {
        for (var l = 0; l < Math.Min(rows - (group * Lanes), Lanes); l++)
        {
            var row = (group * Lanes) + l;
            var a = tile.Slice((row * k) + last.From, last.To - last.From);
            var cells = c.Slice(((i0 + row) * n) + j0, TColumns.Value);
            for (var j = 0; j < TColumns.Value; j++)
            {
                var v = (j switch { 0 => acc0, 1 => acc1, 2 => acc2, _ => acc3 }).GetElement(l);
                var w = b.Slice(((j0 + j) * k) + last.From, a.Length);
                for (var q = 0; q < a.Length; q++)
                {
                    v = MathF.FusedMultiplyAdd(a[q], w[q], v);
                }

                cells[j] = last.Overwrite ? v : cells[j] + v;
            }
        }
    }

    /// <summary>The accumulators of a sweep: row group X (lanes = rows 0..7) and Y (rows 8..15), columns 0..3.</summary>
    private struct Accumulators
    {
        public Vector256<float> X0, X1, X2, X3, Y0, Y1, Y2, Y3;
    }

    /// <summary>The indices [From, To) a block's vector loop left over, and whether its sum replaces C.</summary>
    private readonly record struct Tail(int From, int To, bool Overwrite);

    /// <summary>A count (columns or row groups of a sweep): a constant the JIT folds per instantiation.</summary>
    private interface ICount
    {
        static abstract int Value { get; }
    }

    private readonly struct One : ICount
    {
        public static int Value => 1;
    }

    private readonly struct Two : ICount
    {
        public static int Value => 2;
    }

    private readonly struct Three : ICount
    {
        public static int Value => 3;
    }

    private readonly struct Four : ICount
    {
        public static int Value => 4;
    }
}
