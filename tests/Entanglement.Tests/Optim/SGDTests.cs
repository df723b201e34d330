using Entanglement.Optim;
using Entanglement.Tensors;

namespace Entanglement.Tests.Optim;

public sealed class SGDTests
{
    private static Tensor Param(float[] values, float[] grad)
    {
        var p = Tensor.FromArray(values, values.Length);
        p.RequiresGrad = true;
        p.Grad = Tensor.FromArray(grad, grad.Length);
        return p;
    }

    [Fact]
    public void Step_moves_each_weight_by_minus_lr_times_grad()
    {
        var p = Param([1, -2, 3], [0.5f, -1, 0]);
        new SGD([p], lr: 0.1).Step();
        Assert.Equal(new[] { 1 - 0.05f, -2 + 0.1f, 3 }, p.Data);
    }

    [Fact]
    public void Momentum_accumulates_as_PyTorch()
    {
        var p = Param([0], [1]);
        var sgd = new SGD([p], lr: 0.1, momentum: 0.9);
        sgd.Step();
        sgd.Step();

        // b₁ = 1, b₂ = 0.9·1 + 1 = 1.9; p = −0.1·(1 + 1.9).
        Assert.Equal(-0.29f, p.Data[0], 6);
    }

    [Fact]
    public void Weight_decay_adds_lambda_times_weight_to_the_gradient()
    {
        var p = Param([2], [1]);
        new SGD([p], lr: 0.5, weightDecay: 0.1).Step();
        Assert.Equal(2 - (0.5f * (1 + 0.2f)), p.Data[0], 6);
    }

    [Fact]
    public void ZeroGrad_clears_gradients_and_parameters_without_one_are_left_alone()
    {
        var p = Param([1], [1]);
        var sgd = new SGD([p], lr: 1);
        sgd.ZeroGrad();
        Assert.Null(p.Grad);
        sgd.Step();
        Assert.Equal(1f, p.Data[0]);
        Assert.Equal(1, sgd.StepCount);
    }

    [Fact]
    public void Invalid_hyper_parameters_are_rejected()
    {
        var p = Param([1], [1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new SGD([p], lr: -1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SGD([p], lr: 0.1, momentum: double.NaN));
        Assert.Throws<ArgumentException>(() => new SGD([], lr: 0.1));
        Assert.Throws<ArgumentException>(() => new SGD([Tensor.Zeros(1)], lr: 0.1));
        Assert.Throws<ArgumentException>(() => new SGD([p, p], lr: 0.1));
        var sgd = new SGD([p], lr: 0.1);
        Assert.Throws<ArgumentOutOfRangeException>(() => sgd.LearningRate = double.PositiveInfinity);
    }
}
