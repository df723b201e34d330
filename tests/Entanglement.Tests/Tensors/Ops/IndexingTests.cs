using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class IndexingTests
{
    [Fact]
    public void Concat_along_features_and_batch()
    {
        var a = Tensor.FromArray([1, 2, 3, 4], 2, 2);
        var b = Tensor.FromArray([5, 6], 2, 1);
        Assert.Equal(new float[] { 1, 2, 5, 3, 4, 6 }, Indexing.Concat([a, b], 1).Data);
        Assert.Equal(new Shape(4, 2), Indexing.Concat([a, a], 0).Shape);
        Assert.Throws<ArgumentException>(() => Indexing.Concat([a, b], 0));
    }

    [Fact]
    public void Narrow_IndexSelect_and_Gather_pick_the_right_elements()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 3, 2);
        Assert.Equal(new float[] { 3, 4, 5, 6 }, x.Narrow(0, 1, 2).Data);
        Assert.Equal(new float[] { 5, 6, 1, 2, 5, 6 }, x.IndexSelect(0, [2, 0, 2]).Data);
        Assert.Equal(new float[] { 2, 3, 6 }, x.Gather(1, [1, 0, 1]).Data);
        Assert.Throws<ArgumentOutOfRangeException>(() => x.Narrow(0, 2, 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => x.Gather(1, [2, 0, 0]));
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var rng = new Rng(seed: 1234);
        GradCheck.Assert(x => Indexing.Concat([x[0], x[1]], 1), Tensor.Randn(rng, 2, 3), Tensor.Randn(rng, 2, 2));
        GradCheck.Assert(x => x[0].Narrow(1, 1, 2), Tensor.Randn(rng, 2, 4, 2));
        GradCheck.Assert(x => x[0].IndexSelect(0, [1, 1, 0]), Tensor.Randn(rng, 3, 2));
        GradCheck.Assert(x => x[0].Gather(1, [0, 2, 1, 1]), Tensor.Randn(rng, 4, 3));
    }
}
