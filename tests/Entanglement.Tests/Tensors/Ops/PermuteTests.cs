using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class PermuteTests
{
    [Fact]
    public void Transpose_of_a_matrix_matches_hand_values()
    {
        var x = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        var t = x.Transpose();
        Assert.Equal(new Shape(3, 2), t.Shape);
        Assert.Equal(new float[] { 1, 4, 2, 5, 3, 6 }, t.Data);
    }

    [Fact]
    public void Permute_moves_every_element_to_its_permuted_index()
    {
        var x = Tensor.Randn(new Rng(seed: 1234), 2, 3, 4);
        var y = x.Permuted(2, 0, 1);
        Assert.Equal(new Shape(4, 2, 3), y.Shape);
        for (var i = 0; i < 2; i++)
        {
            for (var j = 0; j < 3; j++)
            {
                for (var k = 0; k < 4; k++)
                {
                    Assert.Equal(x.Data[(i * 12) + (j * 4) + k], y.Data[(k * 6) + (i * 3) + j]);
                }
            }
        }
    }

    [Fact]
    public void Backward_matches_finite_differences()
    {
        var rng = new Rng(seed: 1234);
        GradCheck.Assert(x => x[0].Permuted(1, 2, 0), Tensor.Randn(rng, 2, 3, 4));
        GradCheck.Assert(x => x[0].Transpose(0, 1), Tensor.Randn(rng, 3, 5));
    }

    [Fact]
    public void Bad_axes_are_rejected_with_the_shape()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(2, 3).Permuted(0, 0));
        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
    }
}
