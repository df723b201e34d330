using Entanglement.NN;
using Entanglement.Tensors;

namespace Entanglement.Tests.NN;

public sealed class ModelTests
{
    [Fact]
    public void ResNet18_width_64_has_PyTorchs_parameter_count()
    {
        // torchvision resnet18(num_classes=10) has 11,181,642; the 3×3 stem saves (49 − 9)·3·64 = 7,680.
        Assert.Equal(11_173_962, new ResNet18(10, new Rng(0), width: 64).ParameterCount);
        var cifar = new ResNet18(10, new Rng(0), width: 8).ParameterCount;
        var imagenet = new ResNet18(10, new Rng(0), width: 8, stem: ResNetStem.ImageNet).ParameterCount;
        Assert.Equal((49 - 9) * 3 * 8, imagenet - cifar);
    }

    [Fact]
    public void SmallConvNet_has_PyTorchs_parameter_counts()
    {
        // conv1 1·32·25 + bn 64 + conv2 32·32·25 + bn 64 + head 512·10 + 10.
        Assert.Equal(31_658, new SmallConvNet(1, 10, new Rng(0)).ParameterCount);

        // conv1 3·32·25 + 32, bn 64, conv2 32·32·25 + 32, bn 64, head (19·19·32)·10 + 10.
        Assert.Equal(143_722, new SmallConvNet(3, 10, new Rng(0), variant: SmallConvNetVariant.Paper).ParameterCount);
        Assert.Equal((1 * 128) + 128 + (128 * 4) + 4, new MLP(1, [128], 4, new Rng(0)).ParameterCount);
    }

    [Fact]
    public void SmallConvNet_features_have_the_documented_sizes()
    {
        var rng = new Rng(1);
        var net = new SmallConvNet(1, 2, rng, width: 4, headHidden: [16]);
        var x = Tensor.Randn(rng, 2, 1, 32, 32);
        Assert.Equal(new Shape(2, 64), net.Features(x).Shape);
        Assert.Equal(new Shape(2, 16), net.Head.Features(net.Features(x)).Shape);
        Assert.Equal(new Shape(2, 2), net.Forward(x).Shape);
        Assert.Equal(9 * 32, SmallConvNet.FeatureSizeFor(SmallConvNetVariant.PublicCode, 32, 28));
        var paper = new SmallConvNet(3, 1, rng, width: 2, variant: SmallConvNetVariant.Paper);
        Assert.Equal(new Shape(1, 19 * 19 * 2), paper.Features(Tensor.Randn(rng, 1, 3, 32, 32)).Shape);
    }

    [Fact]
    public void SmallConvNet_rejects_an_input_size_it_was_not_built_for()
    {
        var net = new SmallConvNet(1, 2, new Rng(0), width: 2);
        var ex = Assert.Throws<ArgumentException>(() => net.Forward(Tensor.Zeros(2, 1, 16, 16)));
        Assert.Contains("built for 32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ResNet18_uses_torchvision_names_and_pooled_features()
    {
        var rng = new Rng(2);
        var net = new ResNet18(3, rng, width: 4);
        var names = net.NamedParameters().Select(p => p.Name).ToList();
        Assert.Equal("conv1.weight", names[0]);
        Assert.Contains("layer1.0.conv1.weight", names);
        Assert.Contains("layer2.0.downsample.0.weight", names);
        Assert.DoesNotContain("layer1.0.downsample.0.weight", names);
        Assert.Equal("fc.bias", names[^1]);
        Assert.Contains(net.NamedBuffers(), b => b.Name == "layer4.1.bn2.running_var");
        var x = Tensor.Randn(rng, 2, 3, 16, 16);
        Assert.Equal(new Shape(2, 32), net.Features(x).Shape);
        Assert.Equal(new Shape(2, 3), net.Forward(x).Shape);
        var imagenet = new ResNet18(3, rng, width: 4, stem: ResNetStem.ImageNet, inChannels: 1);
        Assert.Equal(new Shape(2, 3), imagenet.Forward(Tensor.Randn(rng, 2, 1, 32, 32)).Shape);
    }

    [Fact]
    public void Same_seed_gives_bit_identical_parameters_and_another_seed_differs()
    {
        static float[] Trained(int seed)
        {
            var rng = new Rng(seed);
            var (x, y) = TinyTasks.Bars(rng.Fork("data"), 16, 8);
            var net = new SmallConvNet(1, 2, rng.Fork("init"), width: 4, inputSize: 8);
            TinyTasks.Fit(net, x, y, epochs: 2, batch: 8, lr: 1e-2, rng.Fork("shuffle"));
            return net.Parameters().SelectMany(p => p.Data).ToArray();
        }

        var a = Trained(5);
        Assert.Equal(a, Trained(5));
        Assert.NotEqual(a, Trained(6));
    }
}
