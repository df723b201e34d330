using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class MatMulTests
{
    [Fact]
    public void Two_by_two_product_matches_hand_values()
    {
        var a = Tensor.FromArray([1, 2, 3, 4], 2, 2);
        var b = Tensor.FromArray([5, 6, 7, 8], 2, 2);
        Assert.Equal(new float[] { 19, 22, 43, 50 }, a.Matmul(b).Data);
    }

    [Fact]
    public void Inner_dimension_mismatch_names_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => Tensor.Zeros(64, 10).Matmul(Tensor.Zeros(5, 3)));
        Assert.Equal("MatMul: [64, 10] x [5, 3]: inner dimensions 10 != 5.", ex.Message);
    }

    [Fact]
    public void Backward_matches_finite_differences_plain_batched_and_shared()
    {
        var rng = new Rng(seed: 1234);
        GradCheck.Assert(x => x[0].Matmul(x[1]), Tensor.Randn(rng, 3, 4), Tensor.Randn(rng, 4, 5));
        GradCheck.Assert(x => x[0].Matmul(x[1]), Tensor.Randn(rng, 2, 3, 4), Tensor.Randn(rng, 2, 4, 5));
        GradCheck.Assert(x => x[0].Matmul(x[1]), Tensor.Randn(rng, 2, 3, 4), Tensor.Randn(rng, 4, 5));
    }
}
