using Entanglement.NN;
using Entanglement.Optim;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.NN;

public sealed class TrainingTests
{
    [Fact]
    public void An_MLP_fits_XOR()
    {
        var x = Tensor.FromArray([0, 0, 0, 1, 1, 0, 1, 1], 4, 2);
        int[] y = [0, 1, 1, 0];
        var mlp = new MLP(2, [8], 2, new Rng(3));
        var losses = TinyTasks.Fit(mlp, x, y, epochs: 300, batch: 4, lr: 0.05, new Rng(4));
        Assert.True(losses[^1] < 0.05, $"final loss {losses[^1]}");
        Assert.Equal(1.0, TinyTasks.Accuracy(mlp, x, y));
    }

    [Fact]
    public void Logistic_regression_recovers_a_known_separating_direction()
    {
        var rng = new Rng(7);
        var truth = new[] { 2 / MathF.Sqrt(5), -1 / MathF.Sqrt(5) };
        var x = Tensor.Randn(rng, 400, 2);
        var t = new float[400];
        for (var i = 0; i < 400; i++)
        {
            t[i] = (x.Data[2 * i] * truth[0]) + (x.Data[(2 * i) + 1] * truth[1]) > 0 ? 1 : 0;
        }

        var model = new Linear(2, 1, rng.Fork("init"));
        var sgd = new SGD(model.Parameters(), lr: 1.0);
        var loss = new BCEWithLogitsLoss();
        var target = Tensor.FromArray(t, 400, 1);
        for (var step = 0; step < 300; step++)
        {
            sgd.ZeroGrad();
            loss.Forward(model.Forward(x), target).Backward();
            sgd.Step();
        }

        var w = model.Weight.Data;
        var cosine = ((w[0] * truth[0]) + (w[1] * truth[1])) / MathF.Sqrt((w[0] * w[0]) + (w[1] * w[1]));
        Assert.True(cosine > 0.99f, $"cosine {cosine}");
        Assert.InRange(model.Bias!.Data[0] / MathF.Sqrt((w[0] * w[0]) + (w[1] * w[1])), -0.1f, 0.1f);
    }

    [Fact]
    public void The_small_conv_net_learns_bars_and_generalises()
    {
        var rng = new Rng(11);
        var (train, trainY) = TinyTasks.Bars(rng.Fork("train"), 64, 16);
        var (test, testY) = TinyTasks.Bars(rng.Fork("test"), 64, 16);
        var net = new SmallConvNet(1, 2, rng.Fork("init"), width: 8, headHidden: [16], inputSize: 16);
        var losses = TinyTasks.Fit(net, train, trainY, epochs: 8, batch: 16, lr: 1e-2, rng.Fork("shuffle"));
        Assert.True(losses[^1] < losses[0] / 4, string.Join(", ", losses));
        var accuracy = TinyTasks.Accuracy(net, test, testY);
        Assert.True(accuracy >= 0.9, $"held-out accuracy {accuracy}");
    }

    [Fact]
    public void A_width_8_ResNet18_learns_bars_and_generalises()
    {
        var rng = new Rng(12);
        var (train, trainY) = TinyTasks.Bars(rng.Fork("train"), 64, 8);
        var (test, testY) = TinyTasks.Bars(rng.Fork("test"), 32, 8);
        var net = new ResNet18(2, rng.Fork("init"), width: 8, inChannels: 1);
        var losses = TinyTasks.Fit(net, train, trainY, epochs: 6, batch: 16, lr: 1e-2, rng.Fork("shuffle"));
        Assert.True(losses[^1] < losses[0] / 4, string.Join(", ", losses));
        var accuracy = TinyTasks.Accuracy(net, test, testY);
        Assert.True(accuracy >= 0.9, $"held-out accuracy {accuracy}");
    }

    [Fact]
    public void A_NaN_is_reported_with_the_step_and_the_layer()
    {
        var mlp = new MLP(2, [4], 2, new Rng(0));
        var adam = new Adam(mlp.Parameters());
        var x = Tensor.FromArray([1, float.NaN], 1, 2);
        var loss = new CrossEntropyLoss().Forward(mlp.Forward(x), [0]);
        var lossError = Assert.Throws<NonFiniteException>(() => NonFiniteException.ThrowIfNonFinite(loss, adam.StepCount + 1));
        Assert.Equal("loss", lossError.Name);
        loss.Backward();
        adam.Step();
        var ex = Assert.Throws<NonFiniteException>(() => mlp.ThrowIfNonFinite(adam.StepCount));
        Assert.Equal(1, ex.Step);
        Assert.Equal("layers.0.weight", ex.Name);
        Assert.Contains("layers.0.weight", ex.Message, StringComparison.Ordinal);
        _ = x.Sum();
    }
}
