using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors;

public sealed class AutogradTests
{
    [Fact]
    public void NoGrad_records_nothing_and_Detach_cuts_the_graph()
    {
        var x = Tensor.Ones(3);
        x.RequiresGrad = true;
        using (Autograd.NoGrad())
        {
            Assert.False((x * 2f).RequiresGrad);
        }

        Assert.True((x * 2f).RequiresGrad);
        Assert.False((x * 2f).Detach().RequiresGrad);
    }

    [Fact]
    public void Gradients_accumulate_until_cleared()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        (x * 3f).Sum().Backward();
        (x * 3f).Sum().Backward();
        Assert.Equal(new float[] { 6f, 6f }, x.Grad!.Data);
    }

    [Fact]
    public void A_deep_chain_backpropagates_without_recursion()
    {
        var x = Tensor.FromArray([1f], 1);
        x.RequiresGrad = true;
        var y = x;
        for (var i = 0; i < 100_000; i++)
        {
            y = y + 0f;
        }

        y.Sum().Backward();
        Assert.Equal(1f, x.Grad!.Data[0]);
        Assert.True(y.IsLeaf || y.RequiresGrad);
    }

    [Fact]
    public void Backward_releases_the_graph()
    {
        var x = Tensor.FromArray([1f, 2f], 2);
        x.RequiresGrad = true;
        var y = (x * 3f).Sum();
        y.Backward();
        Assert.Throws<InvalidOperationException>(() => y.Backward());
    }
}
