using Entanglement.Optim;
using Entanglement.Tensors;

namespace Entanglement.Tests.Optim;

public sealed class AdamTests
{
    private static Tensor Param(float[] values, float[] grad)
    {
        var p = Tensor.FromArray(values, values.Length);
        p.RequiresGrad = true;
        p.Grad = Tensor.FromArray(grad, grad.Length);
        return p;
    }

    [Fact]
    public void First_step_moves_each_weight_by_lr_times_the_sign_of_its_gradient()
    {
        var p = Param([1, 1, 1, 1], [3, -0.01f, 250, -7]);
        new Adam([p], lr: 0.01).Step();
        Assert.Equal(new[] { 0.99f, 1.01f, 0.99f, 1.01f }, p.Data, new Tests.NN.FloatComparer(1e-6f));
    }

    [Fact]
    public void Two_steps_match_the_closed_form_with_bias_correction()
    {
        var p = Param([0], [1]);
        var adam = new Adam([p], lr: 0.1, beta1: 0.5, beta2: 0.75, eps: 0);
        adam.Step();
        p.Grad = Tensor.FromArray([-1f], 1);
        adam.Step();

        // Step 2: m = 0.5·0.5 − 0.5 = −0.25, v = 0.75·0.25 + 0.25 = 0.4375;
        // m̂ = −0.25/0.75, v̂ = 0.4375/0.4375 = 1 → Δ = −0.1·m̂/√v̂ = +0.0333….
        Assert.Equal(-0.1f + (0.1f / 3), p.Data[0], 6);
    }

    [Fact]
    public void Weight_decay_is_added_to_the_gradient()
    {
        var p = Param([2], [-1]);
        new Adam([p], lr: 0.1, weightDecay: 1).Step();

        // g = −1 + 1·2 = 1 > 0, so the first step moves by −lr.
        Assert.Equal(1.9f, p.Data[0], 6);
    }

    [Fact]
    public void Betas_outside_the_unit_interval_are_rejected()
    {
        var p = Param([0], [1]);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], beta1: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], beta2: -0.1));
        Assert.Throws<ArgumentOutOfRangeException>(() => new Adam([p], eps: -1));
    }
}
