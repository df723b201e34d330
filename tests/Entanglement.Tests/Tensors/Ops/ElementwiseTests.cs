using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors.Ops;

public sealed class ElementwiseTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Rng(seed), shape);

    [Fact]
    public void Add_broadcasts_a_row_over_a_matrix()
    {
        var a = Tensor.FromArray([1, 2, 3, 4, 5, 6], 2, 3);
        var b = Tensor.FromArray([10, 20, 30], 3);
        Assert.Equal(new float[] { 11, 22, 33, 14, 25, 36 }, (a + b).Data);
    }

    [Fact]
    public void Mul_broadcasts_a_column_and_a_row()
    {
        var col = Tensor.FromArray([1, 2], 2, 1);
        var row = Tensor.FromArray([3, 4, 5], 1, 3);
        var y = col * row;
        Assert.Equal(new Shape(2, 3), y.Shape);
        Assert.Equal(new float[] { 3, 4, 5, 6, 8, 10 }, y.Data);
    }

    [Fact]
    public void Incompatible_shapes_name_the_op_and_both_shapes()
    {
        var ex = Assert.Throws<ArgumentException>(() => R(1, 2, 3).Add(R(2, 4)));
        Assert.Contains("Add", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3]", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[4]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new[] { 2, 3 }, new[] { 2, 3 })]
    [InlineData(new[] { 2, 3 }, new[] { 3 })]
    [InlineData(new[] { 4, 1, 3 }, new[] { 2, 1 })]
    [InlineData(new[] { 2, 3 }, new int[0])]
    public void Binary_ops_backward_match_finite_differences(int[] sa, int[] sb)
    {
        GradCheck.Assert(x => x[0] + x[1], R(1, sa), R(2, sb));
        GradCheck.Assert(x => x[0] - x[1], R(3, sa), R(4, sb));
        GradCheck.Assert(x => x[0] * x[1], R(5, sa), R(6, sb));
        var positive = R(8, sb).Abs() + 0.5f;
        GradCheck.Assert(x => x[0] / x[1], R(7, sa), positive.Detach());
    }

    [Fact]
    public void Using_one_tensor_twice_accumulates_both_paths()
    {
        var x = Tensor.FromArray([3f], 1);
        x.RequiresGrad = true;
        (x * x + x).Sum().Backward();
        Assert.Equal(7f, x.Grad!.Data[0]);
    }
}
