using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class DistancesTests
{
    [Fact]
    public void Pairwise_squared_distances_match_hand_values()
    {
        var a = Tensor.FromArray([0, 0, 1, 1], 2, 2);
        var b = Tensor.FromArray([3, 4, 1, 0, 0, 0], 3, 2);
        Assert.Equal(new float[] { 25, 1, 0, 13, 1, 2 }, a.PairwiseSquaredDistances(b).Data);
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var rng = new Rng(seed: 1234);
        GradCheck.Assert(x => x[0].PairwiseSquaredDistances(x[1]), Tensor.Randn(rng, 3, 4), Tensor.Randn(rng, 5, 4));
    }
}
