using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.Tests.Tensors.Kernels;

public sealed class NarrowGemmTests
{
    /// <summary>(m, n, k): batch 1, ragged row tiles (not a multiple of 16), ragged k (not a multiple of 4), several k blocks.</summary>
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 },
        { 1, 2, 512 },
        { 1, 10, 7 },
        { 3, 5, 13 },
        { 16, 4, 8 },
        { 17, 3, 300 },
        { 31, 1, 259 },
        { 128, 2, 512 },
        { 128, 10, 512 },
        { 130, 7, 1001 },
        { 33, 16, 257 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Equals_the_packed_path_bit_for_bit(int m, int n, int k)
    {
        if (!NarrowGemm.Applies(transA: false, transB: true, n))
        {
            return;
        }

        var rng = new Rng(seed: (ulong)((m * 10000) + (n * 100) + k));
        var a = Draw(rng, m * k);
        var b = Draw(rng, n * k);
        foreach (var accumulate in new[] { false, true })
        {
            var c = Draw(rng, m * n);
            var packed = (float[])c.Clone();
            NarrowGemm.Run(m, n, k, a, b, c, accumulate);
            Gemm.Packed(false, true, m, n, k, a, b, packed, accumulate);
            for (var i = 0; i < m * n; i++)
            {
                Assert.True(
                    BitConverter.SingleToInt32Bits(c[i]) == BitConverter.SingleToInt32Bits(packed[i]),
                    $"m {m}, n {n}, k {k}, accumulate {accumulate}, element {i}: {c[i]:R} vs packed {packed[i]:R}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Matches_a_double_precision_product(int m, int n, int k)
    {
        var rng = new Rng(seed: (ulong)((m * 100) + n + 7));
        var a = Draw(rng, m * k);
        var b = Draw(rng, n * k);
        var c = Draw(rng, m * n);
        var before = (float[])c.Clone();
        Gemm.Sgemm(false, true, m, n, k, a, b, c, accumulate: true);
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double sum = before[(i * n) + j], bound = Math.Abs(sum);
                for (var p = 0; p < k; p++)
                {
                    var term = (double)a[(i * k) + p] * b[(j * k) + p];
                    sum += term;
                    bound += Math.Abs(term);
                }

                Assert.True(Math.Abs(c[(i * n) + j] - sum) <= 1e-5 * bound, $"C[{i}, {j}]: {c[(i * n) + j]} vs {sum}");
            }
        }
    }

    [Fact]
    public void Rows_are_the_same_alone_and_in_a_batch()
    {
        // A row's output must not depend on the rows around it (tile position, zero-padded ragged tile).
        const int m = 37, n = 3, k = 301;
        var rng = new Rng(seed: 5);
        var a = Draw(rng, m * k);
        var b = Draw(rng, n * k);
        var all = new float[m * n];
        Gemm.Sgemm(false, true, m, n, k, a, b, all);
        foreach (var i in new[] { 0, 15, 16, 36 })
        {
            var one = new float[n];
            Gemm.Sgemm(false, true, 1, n, k, a.AsMemory(i * k, k), b, one);
            Assert.Equal(all.AsSpan(i * n, n).ToArray(), one);
        }
    }

    private static float[] Draw(Rng rng, int count)
    {
        var x = new float[count];
        for (var i = 0; i < count; i++)
        {
            x[i] = rng.Uniform(-1f, 1f);
        }

        return x;
    }
}
