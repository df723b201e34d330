using System.Numerics.Tensors;

namespace Entanglement.Tensors.Kernels;

/// <summary>
/// Single-precision matrix multiply, row-major: C = op(A)·op(B) (+ C when accumulating), where op transposes
/// when asked. A is m×k (k×m if transposed), B is k×n (n×k if transposed), C is m×n.
/// </summary>
public static class Gemm
{
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

        if (!accumulate)
        {
            c.Span[..(m * n)].Clear();
        }

        if (k == 0)
        {
            return;
        }

        // Row form of B: k×n. A transposed B is packed once so the inner loop runs along contiguous rows.
        var bRows = transB ? Transpose(b.Span, n, k) : b;
        var blocks = Math.Min(Device.Cpu.Threads * 4, m);
        var rowsPerBlock = (m + blocks - 1) / blocks;
        Parallel.For(0, blocks, Device.Cpu.ParallelOptions, block =>
        {
            var start = block * rowsPerBlock;
            var end = Math.Min(m, start + rowsPerBlock);
            var aSpan = a.Span;
            var bSpan = bRows.Span;
            var cSpan = c.Span;
            for (var i = start; i < end; i++)
            {
                var cRow = cSpan.Slice(i * n, n);
                for (var p = 0; p < k; p++)
                {
                    var aip = transA ? aSpan[(p * m) + i] : aSpan[(i * k) + p];
                    if (aip != 0f)
                    {
                        TensorPrimitives.MultiplyAdd(bSpan.Slice(p * n, n), aip, cRow, cRow);
                    }
                }
            }
        });
    }

    private static float[] Transpose(ReadOnlySpan<float> src, int rows, int cols)
    {
        var dst = new float[rows * cols];
        for (var r = 0; r < rows; r++)
        {
            for (var q = 0; q < cols; q++)
            {
                dst[(q * rows) + r] = src[(r * cols) + q];
            }
        }

        return dst;
    }

    private static void Check(int m, int n, int k, int aLength, int bLength, int cLength)
    {
        if (m < 0 || n < 0 || k < 0)
        {
            throw new ArgumentException($"Sgemm: negative size m={m}, n={n}, k={k}.");
        }

        if (aLength < m * k || bLength < k * n || cLength < m * n)
        {
            throw new ArgumentException(
                $"Sgemm: buffers too small for m={m}, n={n}, k={k}: A {aLength} < {m * k}, B {bLength} < {k * n} or C {cLength} < {m * n}.");
        }
    }
}
