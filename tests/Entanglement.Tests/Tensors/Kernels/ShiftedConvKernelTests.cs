using System.Runtime.Intrinsics;
using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.Tests.Tensors.Kernels;

/// <summary>
/// The im2col-free convolution: forward and weight gradient (stride 1 and 2) and input gradient (stride 1) against a plain double-precision loop, and
/// bit for bit against the im2col + SGEMM path it replaces (same reduction order by construction).
/// </summary>
public sealed class ShiftedConvKernelTests
{
    private static float[] R(int seed, int size) => Tensor.Randn(new Rng(seed), size).Data;

    [Theory]
    [InlineData(3, 16, 32, 32, 16, 3, 3, 1, 1)]
    [InlineData(2, 7, 9, 12, 13, 3, 3, 1, 1)]
    [InlineData(2, 5, 10, 10, 8, 5, 5, 2, 1)]
    [InlineData(1, 4, 6, 11, 3, 3, 2, 0, 1)]
    [InlineData(2, 8, 8, 8, 260, 3, 3, 1, 1)]
    [InlineData(20, 64, 16, 16, 7, 3, 3, 1, 1)]
    [InlineData(5, 3, 10, 13, 4, 3, 3, 1, 1)]
    [InlineData(3, 12, 4, 4, 9, 3, 3, 1, 1)]
    [InlineData(16, 96, 9, 9, 5, 3, 3, 1, 1)]
    [InlineData(3, 16, 32, 32, 32, 3, 3, 1, 2)]
    [InlineData(2, 7, 15, 12, 13, 3, 3, 1, 2)]
    [InlineData(4, 32, 8, 8, 64, 3, 3, 1, 2)]
    [InlineData(3, 30, 14, 14, 7, 3, 3, 1, 2)]
    [InlineData(2, 5, 13, 11, 8, 5, 5, 2, 2)]
    [InlineData(2, 6, 9, 10, 5, 3, 2, 0, 2)]
    [InlineData(3, 16, 32, 32, 32, 1, 1, 0, 2)]
    [InlineData(5, 64, 7, 7, 128, 1, 1, 0, 2)]
    [InlineData(2, 9, 8, 8, 11, 1, 1, 0, 1)]
    [InlineData(40, 70, 8, 8, 9, 3, 3, 1, 2)]
    public void Forward_and_gradients_match_a_double_loop_and_the_im2col_path_bit_for_bit(
        int batch, int channels, int height, int width, int outChannels, int kh, int kw, int padding, int stride)
    {
        var g = new ConvGeometry(channels, height, width, kh, kw, stride, padding);
        var accelerated = Vector512.IsHardwareAccelerated;
        Assert.Equal(accelerated, ShiftedConvKernel.Supports(g));
        Assert.Equal(accelerated && stride == 1, ShiftedConvKernel.Applies(g));
        Assert.Equal(accelerated && stride == 1 && channels <= 128, ShiftedConvKernel.AppliesToWeightGradient(g));
        Assert.Equal(accelerated && stride == 1 && g.OutWidth >= 8 && outChannels <= 64, ShiftedConvKernel.AppliesToInputGradient(g, outChannels));
        if (!Vector512.IsHardwareAccelerated)
        {
            return;
        }

        var x = R(1, batch * channels * g.InPlane);
        var w = R(2, outChannels * g.PatchSize);
        var bias = R(3, outChannels);
        var dy = R(4, batch * outChannels * g.OutPlane);
        var y = new float[dy.Length];
        var dx = new float[x.Length];
        var dw = new float[w.Length];
        ShiftedConvKernel.Forward(x, w, bias, batch, outChannels, g, y);
        if (stride == 1)
        {
            ShiftedConvKernel.InputGradient(w, dy, batch, outChannels, g, dx);
        }

        ShiftedWeightGradient.Compute(x, dy, batch, outChannels, g, dw);

        var expectedY = new double[y.Length];
        var expectedDx = new double[x.Length];
        var expectedDw = new double[w.Length];
        for (var n = 0; n < batch; n++)
        {
            for (var co = 0; co < outChannels; co++)
            {
                for (var oh = 0; oh < g.OutHeight; oh++)
                {
                    for (var ow = 0; ow < g.OutWidth; ow++)
                    {
                        var o = (((n * outChannels) + co) * g.OutPlane) + (oh * g.OutWidth) + ow;
                        double sum = bias[co];
                        for (var c = 0; c < channels; c++)
                        {
                            for (var ki = 0; ki < kh; ki++)
                            {
                                for (var kj = 0; kj < kw; kj++)
                                {
                                    int ih = (stride * oh) - padding + ki, iw = (stride * ow) - padding + kj;
                                    if (ih < 0 || ih >= height || iw < 0 || iw >= width)
                                    {
                                        continue;
                                    }

                                    var xi = (((n * channels) + c) * g.InPlane) + (ih * width) + iw;
                                    var wi = (co * g.PatchSize) + (((c * kh) + ki) * kw) + kj;
                                    sum += (double)x[xi] * w[wi];
                                    expectedDx[xi] += (double)dy[o] * w[wi];
                                    expectedDw[wi] += (double)dy[o] * x[xi];
                                }
                            }
                        }

                        expectedY[o] = sum;
                    }
                }
            }
        }

        AssertClose(expectedY, y, g.PatchSize);
        if (stride == 1)
        {
            AssertClose(expectedDx, dx, outChannels * kh * kw);
        }

        AssertClose(expectedDw, dw, batch * g.OutPlane);

        var referenceY = new float[y.Length];
        var referenceDx = new float[x.Length];
        var referenceDw = new float[w.Length];
        Conv2dKernel.ForwardIm2Col(x, w, bias, batch, outChannels, g, referenceY);
        Conv2dKernel.BackwardIm2Col(x, w, dy, batch, outChannels, g, referenceDx, referenceDw, null);
        Assert.Equal(referenceY, y);
        Assert.Equal(referenceDw, dw);
        if (stride == 1)
        {
            Assert.Equal(referenceDx, dx);
        }
    }

    [Theory]
    [InlineData(3, 1, 1)]
    [InlineData(3, 2, 1)]
    [InlineData(1, 2, 0)]
    public void Conv2d_dispatches_here_and_keeps_every_gradient_equal_to_the_im2col_path(int kernel, int stride, int padding)
    {
        const int batch = 4, outChannels = 12;
        var g = new ConvGeometry(10, 12, 12, kernel, kernel, stride, padding);
        var x = R(5, batch * g.Channels * g.InPlane);
        var w = R(6, outChannels * g.PatchSize);
        var dy = R(7, batch * outChannels * g.OutPlane);
        float[] y = new float[dy.Length], dx = new float[x.Length], dw = new float[w.Length], db = new float[outChannels];
        float[] y0 = new float[dy.Length], dx0 = new float[x.Length], dw0 = new float[w.Length], db0 = new float[outChannels];
        Conv2dKernel.Forward(x, w, null, batch, outChannels, g, y);
        Conv2dKernel.Backward(x, w, dy, batch, outChannels, g, dx, dw, db);
        var dwOnly = new float[w.Length];
        Conv2dKernel.Backward(x, w, dy, batch, outChannels, g, null, dwOnly, null);
        Conv2dKernel.ForwardIm2Col(x, w, null, batch, outChannels, g, y0);
        Conv2dKernel.BackwardIm2Col(x, w, dy, batch, outChannels, g, dx0, dw0, db0);
        Assert.Equal(y0, y);
        Assert.Equal(dx0, dx);
        Assert.Equal(dw0, dw);
        Assert.Equal(db0, db);
        Assert.Equal(dw0, dwOnly);
        Assert.Contains(dx, v => v != 0f);
    }

    [Theory]
    [InlineData(3, 1, 16)]
    [InlineData(1, 3, 16)]
    [InlineData(2, 1, 6)]
    [InlineData(1, 1, 3)]
    public void Geometries_outside_its_range_are_left_to_the_other_paths(int stride, int padding, int width)
    {
        Assert.False(ShiftedConvKernel.Supports(new ConvGeometry(4, 16, width, 3, 3, stride, padding)));
    }

    [Fact]
    public void Input_gradient_runs_here_only_from_eight_output_columns()
    {
        Assert.False(ShiftedConvKernel.AppliesToInputGradient(new ConvGeometry(4, 7, 7, 3, 3, 1, 1), 4));
        Assert.Equal(Vector512.IsHardwareAccelerated, ShiftedConvKernel.AppliesToInputGradient(new ConvGeometry(4, 8, 8, 3, 3, 1, 1), 4));
    }

    [Fact]
    public void Gradients_with_many_reduced_channels_are_left_to_im2col()
    {
        var g = new ConvGeometry(256, 8, 8, 3, 3, 1, 1);
        Assert.Equal(Vector512.IsHardwareAccelerated, ShiftedConvKernel.Applies(g));
        Assert.False(ShiftedConvKernel.AppliesToWeightGradient(g));
        Assert.False(ShiftedConvKernel.AppliesToInputGradient(g, 128));
        Assert.Equal(Vector512.IsHardwareAccelerated, ShiftedConvKernel.AppliesToInputGradient(g, 64));
        Assert.Equal(Vector512.IsHardwareAccelerated, ShiftedConvKernel.AppliesToWeightGradient(new ConvGeometry(128, 8, 8, 3, 3, 1, 1)));
    }

    private static void AssertClose(double[] expected, float[] actual, int terms)
    {
        Assert.Equal(expected.Length, actual.Length);
        var tolerance = 1e-5 * Math.Sqrt(terms) * 4;
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance * (1 + Math.Abs(expected[i])), $"element {i}: {actual[i]} vs {expected[i]}");
        }
    }
}
