using Entanglement.NN;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;
using Entanglement.Tests.Tensors;

namespace Entanglement.Tests.NN;

public sealed class LossTests
{
    [Fact]
    public void CrossEntropy_of_known_logits_matches_the_hand_value()
    {
        // Row 0: logits (0, ln 3) → p(class 1) = 3/4; row 1: (0, 0) → p(class 0) = 1/2.
        var logits = Tensor.FromArray([0, MathF.Log(3), 0, 0], 2, 2);
        var loss = new CrossEntropyLoss().Forward(logits, [1, 0]);
        Assert.Equal((-Math.Log(0.75) - Math.Log(0.5)) / 2, loss.Item(), 6);
    }

    [Fact]
    public void Weighted_CrossEntropy_is_the_weighted_mean()
    {
        var logits = Tensor.FromArray([0, MathF.Log(3), 0, 0], 2, 2);
        var loss = new CrossEntropyLoss([2f, 1f]).Forward(logits, Tensor.FromArray([1, 0], 2));
        Assert.Equal(((-1 * Math.Log(0.75)) - (2 * Math.Log(0.5))) / 3, loss.Item(), 6);
    }

    [Fact]
    public void CrossEntropy_is_stable_for_huge_logits()
    {
        var loss = new CrossEntropyLoss().Forward(Tensor.FromArray([1000, 0, -1000, 1000], 2, 2), [0, 0]);
        Assert.Equal(1000f, loss.Item(), 3);
    }

    [Fact]
    public void Fused_CrossEntropy_matches_LogSoftmax_and_Gather()
    {
        var target = new[] { 2, 0, 3, 3, 1 };
        var logits = Tensor.Randn(new Rng(1), 5, 4) * 3f;
        var a = logits.Clone();
        a.RequiresGrad = true;
        var fused = Functional.CrossEntropy(a, target);
        fused.Backward();
        var b = logits.Clone();
        b.RequiresGrad = true;
        var composed = b.LogSoftmax(1).Gather(1, target).Mean().Neg();
        composed.Backward();
        Assert.Equal(composed.Item(), fused.Item(), 5);
        Assert.Equal(b.Grad!.Data, a.Grad!.Data, new FloatComparer(1e-5f));
    }

    [Fact]
    public void CrossEntropy_backward_matches_finite_differences()
    {
        var weights = new[] { 0.5f, 2f, 1f };
        GradCheck.Assert(p => Functional.CrossEntropy(p[0], [2, 0, 1, 1], weights), Tensor.Randn(new Rng(2), 4, 3));
    }

    [Fact]
    public void CrossEntropy_rejects_a_target_out_of_range()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(
            () => new CrossEntropyLoss().Forward(Tensor.Zeros(2, 3), [0, 3]));
        Assert.Contains("outside [0, 3)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void BCEWithLogits_matches_the_sigmoid_composition_and_finite_differences()
    {
        var x = Tensor.FromArray([-2, 0, 0.5f, 3], 4);
        var t = Tensor.FromArray([0, 1, 1, 0.25f], 4);
        var p = x.Sigmoid();
        var composed = t.Mul(p.Log()).Add(Tensor.Ones(4).Sub(t).Mul(Tensor.Ones(4).Sub(p).Log())).Mean().Neg();
        Assert.Equal(composed.Item(), new BCEWithLogitsLoss().Forward(x, t).Item(), 5);
        GradCheck.Assert(q => Functional.BinaryCrossEntropyWithLogits(q[0], q[1]), x, t);
        Assert.Equal(100f, new BCEWithLogitsLoss().Forward(Tensor.FromArray([100], 1), Tensor.Zeros(1)).Item(), 3);
    }

    [Fact]
    public void MSE_and_L1_are_means_over_elements()
    {
        var x = Tensor.FromArray([1, 2, 3, 4], 2, 2);
        var t = Tensor.FromArray([0, 2, 5, 4], 2, 2);
        Assert.Equal(5f / 4, new MSELoss().Forward(x, t).Item());
        Assert.Equal(3f / 4, new L1Loss().Forward(x, t).Item());
        var ex = Assert.Throws<ArgumentException>(() => new MSELoss().Forward(x, Tensor.Zeros(4)));
        Assert.Contains("MSELoss", ex.Message, StringComparison.Ordinal);
    }
}
