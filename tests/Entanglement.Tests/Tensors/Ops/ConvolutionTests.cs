using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class ConvolutionTests
{
    [Fact]
    public void Laplacian_3x3_with_padding_and_bias_matches_hand_values()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6, 7, 8, 9], 1, 1, 3, 3);
        var w = Tensor.FromArray([0, 1, 0, 1, -4, 1, 0, 1, 0], 1, 1, 3, 3);
        var y = x.Conv2d(w, Tensor.FromArray([0.5f], 1), stride: 1, padding: 1);
        Assert.Equal(new[] { 1, 1, 3, 3 }, y.Shape.ToArray());
        Assert.Equal(new[] { 2.5f, 1.5f, -3.5f, -2.5f, 0.5f, -6.5f, -15.5f, -10.5f, -21.5f }, y.Data);
    }

    [Fact]
    public void Two_channels_strided_kernel_sums_over_channels()
    {
        // Channel 0 is 1..16, channel 1 is all ones; kernel ones on channel 0 and 10 on channel 1, 2x2, stride 2.
        var data = new float[32];
        for (var i = 0; i < 16; i++)
        {
            data[i] = i + 1;
            data[16 + i] = 1;
        }

        var w = Tensor.FromArray([1, 1, 1, 1, 10, 0, 0, 0], 1, 2, 2, 2);
        var y = Tensor.FromArray(data, 1, 2, 4, 4).Conv2d(w, stride: 2);
        Assert.Equal(new[] { 14f + 10, 22f + 10, 46f + 10, 54f + 10 }, y.Data);
    }

    [Theory]
    [InlineData(2, 3, 6, 7, 4, 3, 2, 1, 1)]
    [InlineData(2, 2, 7, 7, 3, 5, 5, 2, 5)]
    [InlineData(3, 4, 5, 5, 3, 1, 1, 2, 0)]
    [InlineData(1, 1, 4, 9, 2, 1, 4, 3, 2)]
    [InlineData(2, 3, 16, 40, 4, 5, 5, 2, 2)]
    [InlineData(1, 4, 16, 16, 3, 5, 5, 2, 2)]
    [InlineData(1, 2, 9, 35, 2, 3, 4, 2, 0)]
    public void Forward_matches_direct_loops(int n, int cin, int h, int w, int cout, int kh, int kw, int stride, int pad)
    {
        var rng = new Rng(seed: 7);
        var x = Tensor.Randn(rng, n, cin, h, w);
        var weight = Tensor.Randn(rng, cout, cin, kh, kw);
        var bias = Tensor.Randn(rng, cout);
        var y = x.Conv2d(weight, bias, stride, pad);
        var expected = Direct(x, weight, bias, stride, pad);
        Assert.Equal(expected.Length, y.Size);
        for (var i = 0; i < y.Size; i++)
        {
            Assert.True(Math.Abs(expected[i] - y.Data[i]) < 1e-4, $"element {i}: {y.Data[i]} vs {expected[i]}");
        }
    }

    [Theory]
    [InlineData(2, 3, 6, 7, 4, 3, 2, 1, 1)]
    [InlineData(2, 1, 7, 7, 2, 5, 5, 2, 5)]
    [InlineData(2, 4, 5, 5, 3, 1, 1, 2, 0)]
    [InlineData(1, 2, 4, 9, 2, 2, 4, 3, 2)]
    [InlineData(1, 2, 6, 17, 2, 3, 3, 2, 1)]
    public void Backward_matches_finite_differences(
        int n, int cin, int h, int w, int cout, int kh, int kw, int stride, int pad)
    {
        var rng = new Rng(seed: 11);
        GradCheck.Assert(
            t => t[0].Conv2d(t[1], t[2], stride, pad),
            Tensor.Randn(rng, n, cin, h, w),
            Tensor.Randn(rng, cout, cin, kh, kw),
            Tensor.Randn(rng, cout));
    }

    [Fact]
    public void Results_are_bit_identical_across_runs_and_batch_splits()
    {
        var rng = new Rng(seed: 3);
        var x = Tensor.Randn(rng, 6, 3, 12, 12);
        var w = Tensor.Randn(rng, 8, 3, 5, 5);
        var (y1, gx1, gw1) = Run(x, w);
        var (y2, gx2, gw2) = Run(x, w);
        Assert.Equal(y1, y2);
        Assert.Equal(gx1, gx2);
        Assert.Equal(gw1, gw2);

        var single = Tensor.FromArray(x.Data.AsSpan(2 * 3 * 144, 3 * 144).ToArray(), 1, 3, 12, 12).Conv2d(w, padding: 2);
        Assert.Equal(y1.AsSpan(2 * single.Size, single.Size).ToArray(), single.Data);
    }

    [Fact]
    public void Channel_mismatch_names_op_and_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3, 8, 8).Conv2d(Tensor.Zeros(4, 5, 3, 3)));
        Assert.Equal(
            "Conv2d: input [2, 3, 8, 8], weight [4, 5, 3, 3]: input channels 3 != weight input channels 5.", ex.Message);
    }

    private static (float[] Y, float[] Gx, float[] Gw) Run(Tensor x, Tensor w)
    {
        var xi = x.Clone();
        var wi = w.Clone();
        xi.RequiresGrad = true;
        wi.RequiresGrad = true;
        var y = xi.Conv2d(wi, padding: 2);
        y.Mul(y).Sum().Backward();
        return (y.ToArray(), xi.Grad!.ToArray(), wi.Grad!.ToArray());
    }

    private static double[] Direct(Tensor x, Tensor w, Tensor b, int stride, int pad)
    {
        int n = x.Shape[0], cin = x.Shape[1], h = x.Shape[2], wd = x.Shape[3];
        int cout = w.Shape[0], kh = w.Shape[2], kw = w.Shape[3];
        int oh = ((h + (2 * pad) - kh) / stride) + 1, ow = ((wd + (2 * pad) - kw) / stride) + 1;
        var y = new double[n * cout * oh * ow];
        var o = 0;
        for (var i = 0; i < n; i++)
        {
            for (var co = 0; co < cout; co++)
            {
                for (var r = 0; r < oh; r++)
                {
                    for (var c = 0; c < ow; c++, o++)
                    {
                        double s = b.Data[co];
                        for (var ci = 0; ci < cin; ci++)
                        {
                            for (var u = 0; u < kh; u++)
                            {
                                for (var v = 0; v < kw; v++)
                                {
                                    int ih = (r * stride) - pad + u, iw = (c * stride) - pad + v;
                                    if (ih >= 0 && ih < h && iw >= 0 && iw < wd)
                                    {
                                        s += (double)x.Data[(((((i * cin) + ci) * h) + ih) * wd) + iw] *
                                             w.Data[(((((co * cin) + ci) * kh) + u) * kw) + v];
                                    }
                                }
                            }
                        }

                        y[o] = s;
                    }
                }
            }
        }

        return y;
    }
}
