using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.Tests.Tensors.Kernels;

public sealed class GemmTests
{
    public static TheoryData<int, int, int> Sizes => new()
    {
        { 1, 1, 1 },
        { 7, 13, 5 },
        { 6, 16, 256 },
        { 13, 17, 300 },
        { 50, 70, 600 },
        { 97, 130, 33 },
        { 200, 3, 90 },
    };

    [Theory]
    [MemberData(nameof(Sizes))]
    public void Matches_a_triple_loop_for_every_transpose_and_accumulate(int m, int n, int k)
    {
        var rng = new Rng(seed: (ulong)((m * 1000) + n));
        foreach (var transA in new[] { false, true })
        {
            foreach (var transB in new[] { false, true })
            {
                foreach (var accumulate in new[] { false, true })
                {
                    var a = Draw(rng, m * k);
                    var b = Draw(rng, k * n);
                    var c = Draw(rng, m * n);
                    var (expected, bound) = Reference(transA, transB, m, n, k, a, b, accumulate ? c : null);
                    Gemm.Sgemm(transA, transB, m, n, k, a, b, c, accumulate);
                    for (var i = 0; i < m * n; i++)
                    {
                        Assert.True(
                            Math.Abs(c[i] - expected[i]) <= 1e-5 * bound[i],
                            $"transA {transA}, transB {transB}, accumulate {accumulate}, element {i}: {c[i]} vs {expected[i]}");
                    }
                }
            }
        }
    }

    [Theory]
    [InlineData(16, false)]
    [InlineData(16, true)]
    [InlineData(32, false)]
    [InlineData(32, true)]
    public void Micro_kernels_of_both_widths_match_a_double_sum(int width, bool overwrite)
    {
        var supported = width == 16
            ? System.Runtime.Intrinsics.Vector256.IsHardwareAccelerated
            : System.Runtime.Intrinsics.Vector512.IsHardwareAccelerated;
        if (!supported)
        {
            return;
        }

        const int kc = 37, ldc = 40;
        var rng = new Rng(seed: (ulong)width);
        var a = Draw(rng, kc * GemmMicroKernel.Rows);
        var b = Draw(rng, kc * width);
        var c = Draw(rng, 6 * ldc);
        var before = (float[])c.Clone();
        if (width == 16)
        {
            GemmMicroKernel.Run256(kc, a, b, c, ldc, overwrite);
        }
        else
        {
            GemmMicroKernel.Run512(kc, a, b, c, ldc, overwrite);
        }

        for (var r = 0; r < 6; r++)
        {
            for (var q = 0; q < ldc; q++)
            {
                var i = (r * ldc) + q;
                if (q >= width)
                {
                    Assert.Equal(before[i], c[i]);
                    continue;
                }

                double sum = overwrite ? 0 : before[i], bound = Math.Abs(sum);
                for (var p = 0; p < kc; p++)
                {
                    sum += (double)a[(p * 6) + r] * b[(p * width) + q];
                    bound += Math.Abs((double)a[(p * 6) + r] * b[(p * width) + q]);
                }

                Assert.True(Math.Abs(c[i] - sum) <= 1e-5 * bound, $"width {width}, C[{r}, {q}]: {c[i]} vs {sum}");
            }
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_twelve_row_kernel_gives_the_bits_of_two_six_row_calls(bool overwrite)
    {
        if (!GemmWideKernel.Applies)
        {
            return;
        }

        const int kc = 41, ldc = 35;
        var rng = new Rng(seed: 12);
        var a = Draw(rng, 2 * kc * GemmMicroKernel.Rows);
        var b = Draw(rng, kc * 32);
        var wide = Draw(rng, 12 * ldc);
        var twice = (float[])wide.Clone();
        var before = (float[])wide.Clone();
        GemmWideKernel.Run(kc, a, b, wide, ldc, overwrite);
        GemmMicroKernel.Run512(kc, a.AsSpan(0, kc * 6), b, twice, ldc, overwrite);
        GemmMicroKernel.Run512(kc, a.AsSpan(kc * 6), b, twice.AsSpan(6 * ldc), ldc, overwrite);
        Assert.Equal(twice, wide);
        Assert.NotEqual(before, wide);
        Assert.Equal(before.AsSpan(32, 3).ToArray(), wide.AsSpan(32, 3).ToArray());
    }

    [Fact]
    public void Each_element_is_the_same_whatever_the_tiling()
    {
        // Rows and column blocks computed on their own must equal the full product bit for bit: the tiling (which
        // follows the thread count) never changes the order of a reduction.
        int m = 61, n = 300, k = 700;
        var rng = new Rng(seed: 21);
        var a = Draw(rng, m * k);
        var b = Draw(rng, k * n);
        var full = new float[m * n];
        Gemm.Sgemm(false, false, m, n, k, a, b, full);

        var row = new float[n];
        Gemm.Sgemm(false, false, 1, n, k, a.AsMemory(37 * k, k), b, row);
        Assert.Equal(full.AsSpan(37 * n, n).ToArray(), row);

        var columns = new float[m * 20];
        var bSlice = new float[k * 20];
        for (var p = 0; p < k; p++)
        {
            b.AsSpan((p * n) + 101, 20).CopyTo(bSlice.AsSpan(p * 20));
        }

        Gemm.Sgemm(false, false, m, 20, k, a, bSlice, columns);
        for (var i = 0; i < m; i++)
        {
            Assert.Equal(full.AsSpan((i * n) + 101, 20).ToArray(), columns.AsSpan(i * 20, 20).ToArray());
        }
    }

    [Fact]
    public void Zero_inner_dimension_clears_or_keeps_c()
    {
        var c = new float[] { 1, 2, 3, 4 };
        Gemm.Sgemm(false, false, 2, 2, 0, Array.Empty<float>(), Array.Empty<float>(), c, accumulate: true);
        Assert.Equal(new float[] { 1, 2, 3, 4 }, c);
        Gemm.Sgemm(false, false, 2, 2, 0, Array.Empty<float>(), Array.Empty<float>(), c);
        Assert.Equal(new float[4], c);
    }

    [Fact]
    public void Short_buffers_are_rejected_with_the_sizes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Gemm.Sgemm(false, false, 2, 3, 4, new float[8], new float[11], new float[6]));
        Assert.StartsWith("Sgemm: buffers too small for m=2, n=3, k=4", ex.Message);
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

    /// <summary>Double-precision triple loop, and Σ|a||b| (+|c|) per element to scale the tolerance.</summary>
    private static (double[] Value, double[] Bound) Reference(
        bool transA, bool transB, int m, int n, int k, float[] a, float[] b, float[]? c)
    {
        var value = new double[m * n];
        var bound = new double[m * n];
        for (var i = 0; i < m; i++)
        {
            for (var j = 0; j < n; j++)
            {
                double s = c?[(i * n) + j] ?? 0, t = Math.Abs(s) + 1e-3;
                for (var p = 0; p < k; p++)
                {
                    var x = (double)a[transA ? (p * m) + i : (i * k) + p] * b[transB ? (j * k) + p : (p * n) + j];
                    s += x;
                    t += Math.Abs(x);
                }

                value[(i * n) + j] = s;
                bound[(i * n) + j] = t;
            }
        }

        return (value, bound);
    }
}
