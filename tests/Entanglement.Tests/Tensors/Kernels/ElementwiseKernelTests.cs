using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;
using Entanglement.Tests.NN;

namespace Entanglement.Tests.Tensors.Kernels;

/// <summary>The vectorised batch-norm, pooling and activation kernels against plain scalar loops.</summary>
public sealed class ElementwiseKernelTests
{
    private static float[] R(int seed, int size) => Tensor.Randn(new Rng(seed), size).Data;

    private static void Close(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-5 * (1 + Math.Abs(expected)), $"{actual} vs {expected}");

    [Theory]
    [InlineData(3, 2, 37)]
    [InlineData(2, 3, 8)]
    [InlineData(2, 2, 5)]
    public void Batch_norm_sweeps_match_scalar_loops(int n, int c, int inner)
    {
        var x = R(1, n * c * inner);
        var dy = R(2, x.Length);
        for (var ch = 0; ch < c; ch++)
        {
            double sum = 0, squares = 0, sumDy = 0, sumDyCentred = 0;
            var blocks = Enumerable.Range(0, n).SelectMany(b => Enumerable.Range(((b * c) + ch) * inner, inner)).ToArray();
            foreach (var i in blocks)
            {
                sum += x[i];
            }

            var mean = (float)(sum / blocks.Length);
            foreach (var i in blocks)
            {
                squares += (x[i] - mean) * (double)(x[i] - mean);
                sumDy += dy[i];
                sumDyCentred += dy[i] * (double)(x[i] - mean);
            }

            // Float sums within a block (in whatever vector width the machine has) against double sums: a relative
            // bound, since rounding both to a fixed number of decimals fails whenever they straddle a rounding edge.
            Close(sum, BatchNormKernel.Sum(x, n, c, ch, inner));
            Close(squares, BatchNormKernel.CentredSquares(x, n, c, ch, inner, mean));
            var (s, t) = BatchNormKernel.GradientSums(dy, x, n, c, ch, inner, mean);
            Close(sumDy, s);
            Close(sumDyCentred, t);

            var y = new float[x.Length];
            var dx = new float[x.Length];
            BatchNormKernel.Normalize(x, n, c, ch, inner, mean, 1.5f, -0.25f, y);
            BatchNormKernel.InputGradient(dy, x, n, c, ch, inner, mean, 0.5f, 2f, 0.125f, dx);
            foreach (var i in blocks)
            {
                Assert.Equal(((x[i] - mean) * 1.5f) - 0.25f, y[i], new FloatComparer(1e-6f));
                Assert.Equal((dy[i] * 0.5f) + ((x[i] - mean) * 2f) + 0.125f, dx[i], new FloatComparer(1e-6f));
            }
        }
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(45)]
    public void ReLU_equals_the_IEEE_maximum_with_zero_bit_for_bit(int size)
    {
        var x = R(6, size);
        float[] special = [-0f, 0f, float.NaN, -float.NaN, float.PositiveInfinity, float.NegativeInfinity, float.Epsilon, -float.Epsilon];
        for (var i = 0; i < Math.Min(size, special.Length); i++)
        {
            x[size - 1 - i] = special[i];
        }

        var expected = new float[size];
        System.Numerics.Tensors.TensorPrimitives.Max(x, 0f, expected);
        var y = new float[size];
        ActivationKernel.ReLU(x, y);
        Assert.Equal(expected.Select(BitConverter.SingleToInt32Bits), y.Select(BitConverter.SingleToInt32Bits));
        Assert.All(y.Where(v => !float.IsNaN(v)), v => Assert.True(v >= 0f && !float.IsNegative(v)));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(16)]
    [InlineData(45)]
    public void ReLU_backward_matches_a_scalar_loop(int size)
    {
        var y = R(3, size);
        y[0] = 0f;
        y[^1] = float.NaN;
        var g = R(4, size);
        var expected = g.Select((v, i) => y[i] <= 0f ? 0f : v).ToArray();
        ActivationKernel.ReLUBackward(y, g);
        Assert.Equal(expected, g);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 7)]
    [InlineData(32, 32)]
    public void Max_pool_2x2_matches_the_general_window_sweep(int height, int width)
    {
        var x = R(5, 3 * height * width);
        x[1] = x[0];
        x[width + 2] = float.NaN;
        var fast = new ConvGeometry(1, height, width, 2, 2, 2, 0);
        var y = new float[3 * fast.OutPlane];
        var argmax = new int[y.Length];
        Pool2dKernel.MaxForward(x, 3, fast, y, argmax);
        for (var p = 0; p < 3; p++)
        {
            for (var o = 0; o < fast.OutPlane; o++)
            {
                int oh = o / fast.OutWidth, ow = o % fast.OutWidth;
                var best = float.NegativeInfinity;
                var at = (2 * oh * width) + (2 * ow);
                foreach (var (dh, dw) in new[] { (0, 0), (0, 1), (1, 0), (1, 1) })
                {
                    var i = (((2 * oh) + dh) * width) + (2 * ow) + dw;
                    var v = x[(p * height * width) + i];
                    if (float.IsNaN(best))
                    {
                        break;
                    }

                    if (v > best || float.IsNaN(v))
                    {
                        best = v;
                        at = i;
                    }
                }

                Assert.Equal(best, y[(p * fast.OutPlane) + o]);
                Assert.Equal(at, argmax[(p * fast.OutPlane) + o]);
            }
        }
    }
}
