using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class SoftmaxFunctionsTests
{
    [Fact]
    public void Softmax_of_known_logits()
    {
        var x = Tensor.FromArray([0f, MathF.Log(2f), MathF.Log(5f)], 1, 3);
        var y = x.Softmax(1);
        Assert.Equal(0.125f, y.Data[0], 6);
        Assert.Equal(0.25f, y.Data[1], 6);
        Assert.Equal(0.625f, y.Data[2], 6);
        Assert.Equal(MathF.Log(0.625f), x.LogSoftmax(1).Data[2], 5);
    }

    [Fact]
    public void Large_logits_do_not_overflow()
    {
        var y = Tensor.FromArray([1000f, 1000f], 1, 2).LogSoftmax();
        Assert.Equal(-MathF.Log(2f), y.Data[0], 5);
    }

    [Fact]
    public void Backward_matches_finite_differences_along_each_axis()
    {
        var rng = new Rng(seed: 1234);
        GradCheck.Assert(x => x[0].Softmax(1), Tensor.Randn(rng, 3, 4));
        GradCheck.Assert(x => x[0].LogSoftmax(-1), Tensor.Randn(rng, 3, 4));
        GradCheck.Assert(x => x[0].LogSoftmax(0), Tensor.Randn(rng, 3, 2, 2));
        GradCheck.Assert(x => x[0].Softmax(1), Tensor.Randn(rng, 2, 3, 2));
    }
}
