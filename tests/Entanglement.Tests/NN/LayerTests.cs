using Entanglement.NN;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.NN;

public sealed class LayerTests
{
    [Fact]
    public void Conv2d_by_hand_with_padding_and_bias()
    {
        var conv = new Conv2d(1, 1, 3, new Rng(0), padding: 1);
        Array.Fill(conv.Weight.Data, 1f);
        conv.Bias!.Data[0] = 0.5f;
        var y = conv.Forward(Tensor.FromArray([1, 2, 3, 4], 1, 1, 2, 2));

        // Every 3×3 window with one-pixel zero padding covers the whole 2×2 image: 10 + 0.5.
        Assert.Equal(new[] { 10.5f, 10.5f, 10.5f, 10.5f }, y.Data);
        Assert.Equal(new[] { "weight", "bias" }, conv.NamedParameters().Select(p => p.Name).ToArray());
    }

    [Fact]
    public void Conv2d_default_init_lies_within_one_over_square_root_of_fan_in()
    {
        var conv = new Conv2d(4, 8, 2, new Rng(1), stride: 2);
        Assert.All(conv.Weight.Data, w => Assert.InRange(w, -0.25f, 0.25f));
        Assert.Equal(new Shape(3, 8, 2, 2), conv.Forward(Tensor.Zeros(3, 4, 4, 4)).Shape);
        var ex = Assert.Throws<ArgumentException>(() => conv.Forward(Tensor.Zeros(3, 2, 4, 4)));
        Assert.Contains("Conv2d(4, 8, 2)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Pooling_layers_match_their_ops_and_default_the_stride_to_the_kernel()
    {
        var x = Tensor.Randn(new Rng(2), 2, 3, 6, 6);
        Assert.Equal(x.MaxPool2d(2).Data, new MaxPool2d(2).Forward(x).Data);
        Assert.Equal(x.AvgPool2d(3, 1, 1).Data, new AvgPool2d(3, 1, 1).Forward(x).Data);
        Assert.Equal(new Shape(2, 3, 1, 1), new AdaptiveAvgPool2d(1).Forward(x).Shape);
        Assert.Equal(2, new MaxPool2d(2).Stride);
    }

    [Fact]
    public void Sequential_Flatten_ReLU_and_Identity_compose_in_order()
    {
        var net = new Sequential(new Flatten(), new ReLU(), new Identity());
        var y = net.Forward(Tensor.FromArray([-1, 2, -3, 4], 1, 2, 2));
        Assert.Equal(new Shape(1, 4), y.Shape);
        Assert.Equal(new float[] { 0, 2, 0, 4 }, y.Data);
        Assert.Equal(3, net.Count);
        Assert.IsType<ReLU>(net[1]);
    }
}
