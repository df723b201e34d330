using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;
using Entanglement.Tests.NN;

namespace Entanglement.Tests.Tensors.Kernels;

/// <summary>The direct small-patch convolution against a plain scalar loop.</summary>
public sealed class DirectConvKernelTests
{
    private static float[] R(int seed, int size) => Tensor.Randn(new Rng(seed), size).Data;

    [Theory]
    [InlineData(1, 32, 32, 5, 2)]
    [InlineData(1, 13, 11, 3, 1)]
    [InlineData(2, 9, 20, 3, 0)]
    [InlineData(3, 10, 12, 1, 0)]
    public void Forward_and_weight_gradient_match_a_scalar_loop(int channels, int height, int width, int k, int padding)
    {
        const int batch = 3, outChannels = 4;
        var g = new ConvGeometry(channels, height, width, k, k, 1, padding);
        Assert.True(DirectConvKernel.Applies(g));
        var x = R(1, batch * channels * height * width);
        var w = R(2, outChannels * g.PatchSize);
        var bias = R(3, outChannels);
        var dy = R(4, batch * outChannels * g.OutPlane);
        var y = new float[dy.Length];
        var dw = new float[w.Length];
        var db = new float[outChannels];
        DirectConvKernel.Forward(x, w, bias, batch, outChannels, g, y);
        DirectConvKernel.WeightGradient(x, dy, batch, outChannels, g, dw, db);

        var expectedY = new float[y.Length];
        var expectedDw = new double[dw.Length];
        var expectedDb = new double[outChannels];
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
                        expectedDb[co] += dy[o];
                        for (var c = 0; c < channels; c++)
                        {
                            for (var ki = 0; ki < k; ki++)
                            {
                                for (var kj = 0; kj < k; kj++)
                                {
                                    int ih = oh + ki - padding, iw = ow + kj - padding;
                                    var v = (uint)ih < (uint)height && (uint)iw < (uint)width
                                        ? x[(((n * channels) + c) * height * width) + (ih * width) + iw]
                                        : 0f;
                                    var p = (((co * channels) + c) * k * k) + (ki * k) + kj;
                                    sum += w[p] * (double)v;
                                    expectedDw[p] += dy[o] * (double)v;
                                }
                            }
                        }

                        expectedY[o] = (float)sum;
                    }
                }
            }
        }

        Assert.Equal(expectedY, y, new FloatComparer(1e-5f));
        Assert.Equal(expectedDw.Select(v => (float)v), dw, new FloatComparer(1e-4f));
        Assert.Equal(expectedDb.Select(v => (float)v), db, new FloatComparer(1e-4f));
    }

    [Fact]
    public void Strided_or_large_patches_take_the_im2col_path()
    {
        Assert.False(DirectConvKernel.Applies(new ConvGeometry(1, 32, 32, 5, 5, 2, 2)));
        Assert.False(DirectConvKernel.Applies(new ConvGeometry(32, 16, 16, 5, 5, 1, 2)));
        Assert.False(DirectConvKernel.Applies(new ConvGeometry(1, 4, 4, 3, 3, 1, 0)));
    }
}
