using System.Buffers;
using System.Runtime.CompilerServices;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// Single-precision matrix multiply, row-major: C = op(A)·op(B) (+ C when accumulating), where op transposes
/// when asked. A is m×k (k×m if transposed), B is k×n (n×k if transposed), C is m×n.
/// </summary>
/// <remarks>
/// Blocked and packed in the manner of GotoBLAS: op(A) is packed once into slivers of 6 rows (per block of 256
/// reduction indices); C is cut into column chunks that run in parallel, each packing its slice of op(B) into
/// slivers of NR columns and sweeping them with the 6×NR <see cref="GemmMicroKernel"/> (NR = 16, or 32 with 512-bit vectors). Buffers come from the
/// shared array pool. Every element of C is reduced in the same order (k blocks in turn, within a block
/// p = 0, 1, ...) whatever the chunking or thread count, so results are deterministic.
/// </remarks>
public static class Gemm
{
    /// <summary>Reduction indices per block: each block's sum is formed from zero and then added into C.</summary>
    internal const int KBlock = 256;
    private const int Mr = GemmMicroKernel.Rows;
    private static readonly int Nr = GemmMicroKernel.Columns;
    private const int MaxColumnsPerChunk = 256;
    private const int MinColumnsPerChunk = 64;
    /// <summary>Below this many float operations a product runs on one thread.</summary>
    internal const long ParallelFlops = 1L << 21;

    /// <summary>C (m×n) = op(A)·op(B), or C += op(A)·op(B) when <paramref name="accumulate"/>.</summary>
    public static void Sgemm(
        bool transA,
        bool transB,
        int m,
        int n,
        int k,
        ReadOnlyMemory<float> a,
        ReadOnlyMemory<float> b,
        Memory<float> c,
        bool accumulate = false)
    {
        Check(m, n, k, a.Length, b.Length, c.Length);
        if (m == 0 || n == 0)
        {
            return;
        }

        if (k == 0)
        {
            if (!accumulate)
            {
                c.Span[..(m * n)].Clear();
            }

            return;
        }

        if (NarrowGemm.Applies(transA, transB, n))
        {
            NarrowGemm.Run(m, n, k, a, b, c, accumulate);
            return;
        }

        Packed(transA, transB, m, n, k, a, b, c, accumulate);
    }

    /// <summary>
    /// The packed path of <see cref="Sgemm"/> for any shape (sizes already checked, m, n, k &gt; 0); callable
    /// directly so that tests can hold the narrow kernel to it bit for bit.
    /// </summary>
    internal static void Packed(
        bool transA,
        bool transB,
        int m,
        int n,
        int k,
        ReadOnlyMemory<float> a,
        ReadOnlyMemory<float> b,
        Memory<float> c,
        bool accumulate)
    {
        var threads = 2L * m * n * k >= ParallelFlops ? Device.Cpu.Threads : 1;
        var paddedRows = (m + Mr - 1) / Mr * Mr;
        var aPack = ArrayPool<float>.Shared.Rent(paddedRows * k);
        try
        {
            PackAllOfA(a, transA, m, k, paddedRows, aPack, threads);
            var chunks = ColumnChunks(n, threads);
            var width = ((n + chunks - 1) / chunks + Nr - 1) / Nr * Nr;
            chunks = (n + width - 1) / width;
            var job = new Job(transB, m, n, k, paddedRows, aPack, b, c, accumulate, width);
            if (threads == 1 || chunks == 1)
            {
                var bPack = ArrayPool<float>.Shared.Rent(width * KBlock);
                for (var t = 0; t < chunks; t++)
                {
                    job.RunChunk(t, bPack);
                }

                ArrayPool<float>.Shared.Return(bPack);
                return;
            }

            Parallel.For(
                0,
                chunks,
                Device.Cpu.ParallelOptions,
                () => ArrayPool<float>.Shared.Rent(width * KBlock),
                (t, _, bPack) =>
                {
                    job.RunChunk(t, bPack);
                    return bPack;
                },
                bPack => ArrayPool<float>.Shared.Return(bPack));
        }
        finally
        {
            ArrayPool<float>.Shared.Return(aPack);
        }
    }

    /// <summary>Column chunks: at most 256 columns each, and about four per thread when there are enough columns.</summary>
    private static int ColumnChunks(int n, int threads)
    {
        var chunks = (n + MaxColumnsPerChunk - 1) / MaxColumnsPerChunk;
        var wanted = Math.Min(4 * threads, n / MinColumnsPerChunk);
        return threads == 1 ? chunks : Math.Max(chunks, wanted);
    }

    /// <summary>Packs op(A) block by block: block p0 starts at p0·paddedRows and holds paddedRows / 6 slivers.</summary>
    private static void PackAllOfA(ReadOnlyMemory<float> a, bool transA, int m, int k, int paddedRows, float[] aPack, int threads)
    {
        var slivers = paddedRows / Mr;
        var blocks = (k + KBlock - 1) / KBlock;
        if (threads == 1 || (long)m * k < 1L << 16)
        {
            for (var p0 = 0; p0 < k; p0 += KBlock)
            {
                var kc = Math.Min(KBlock, k - p0);
                GemmPacking.PackA(a.Span, transA, m, k, 0, m, p0, kc, aPack.AsSpan(p0 * paddedRows, paddedRows * kc));
            }

            return;
        }

        // Parts of about 16 slivers per block, packed in parallel; each writes its own range of aPack.
        var parts = (slivers + 15) / 16;
        Parallel.For(0, blocks * parts, Device.Cpu.ParallelOptions, t =>
        {
            var p0 = t / parts * KBlock;
            var kc = Math.Min(KBlock, k - p0);
            var i0 = t % parts * 16 * Mr;
            var rows = Math.Min(16 * Mr, m - i0);
            if (rows > 0)
            {
                GemmPacking.PackA(
                    a.Span, transA, m, k, i0, rows, p0, kc, aPack.AsSpan((p0 * paddedRows) + (i0 * kc), ((rows + Mr - 1) / Mr) * Mr * kc));
            }
        });
    }

    private static void Check(int m, int n, int k, int aLength, int bLength, int cLength)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentException($"Sgemm: negative size m={m}, n={n}, k={k}.");
        }

        if ((long)m * k > aLength || (long)k * n > bLength || (long)m * n > cLength)
        {
            throw new ArgumentException(
                $"Sgemm: buffers too small for m={m}, n={n}, k={k}: A {aLength} < {m * k}, B {bLength} < {k * n} or C {cLength} < {m * n}.");
        }
    }

    /// <summary>One product: the packed A, the operands, and the work of one column chunk of C.</summary>
    private sealed class Job(
        bool transB,
        int m,
        int n,
        int k,
        int paddedRows,
        float[] aPack,
        ReadOnlyMemory<float> b,
        Memory<float> c,
        bool accumulate,
        int width)
    {
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void RunChunk(int chunk, float[] bPack)
        {
            var j0 = chunk * width;
            var cols = Math.Min(width, n - j0);
            var bSpan = b.Span;
            var cSpan = c.Span;
            Span<float> edge = stackalloc float[Mr * Nr];
            for (var p0 = 0; p0 < k; p0 += KBlock)
            {
                var kc = Math.Min(KBlock, k - p0);
                GemmPacking.PackB(bSpan, transB, n, k, j0, cols, p0, kc, bPack);
                var aBlock = aPack.AsSpan(p0 * paddedRows, paddedRows * kc);
                var overwrite = !accumulate && p0 == 0;
                var @is = 0;
                while (@is * Mr < m)
                {
                    // Two full slivers of A go through the 12-row kernel together (same bits, fewer loads of B).
                    var pair = GemmWideKernel.Applies && (@is + 2) * Mr <= m;
                    for (var js = 0; js * Nr < cols; js++)
                    {
                        var bSliver = bPack.AsSpan(js * Nr * kc, Nr * kc);
                        var w = Math.Min(Nr, cols - (js * Nr));
                        if (pair && w == Nr)
                        {
                            GemmWideKernel.Run(
                                kc, aBlock.Slice(@is * Mr * kc, 2 * Mr * kc), bSliver, cSpan[((@is * Mr * n) + j0 + (js * Nr))..], n, overwrite);
                            continue;
                        }

                        for (var s = @is; s < @is + (pair ? 2 : 1); s++)
                        {
                            Tile(kc, aBlock.Slice(s * Mr * kc, Mr * kc), Math.Min(Mr, m - (s * Mr)), bSliver, w, cSpan, (s * Mr * n) + j0 + (js * Nr), overwrite, edge);
                        }
                    }

                    @is += pair ? 2 : 1;
                }
            }
        }

        /// <summary>One micro-tile of C at <paramref name="corner"/>: directly when full, else through <paramref name="edge"/>.</summary>
        private void Tile(
            int kc, ReadOnlySpan<float> aSliver, int height, ReadOnlySpan<float> bSliver, int w, Span<float> cSpan, int corner,
            bool overwrite, Span<float> edge)
        {
            if (height == Mr && w == Nr)
            {
                GemmMicroKernel.Run(kc, aSliver, bSliver, cSpan[corner..], n, overwrite);
                return;
            }

            GemmMicroKernel.Run(kc, aSliver, bSliver, edge, Nr, overwrite: true);
            for (var r = 0; r < height; r++)
            {
                var src = edge.Slice(r * Nr, w);
                var dst = cSpan.Slice(corner + (r * n), w);
                for (var q = 0; q < w; q++)
                {
                    dst[q] = overwrite ? src[q] : dst[q] + src[q];
                }
            }
        }
    }
}
