using Entanglement.NN;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;
using Entanglement.Tests.Tensors;

namespace Entanglement.Tests.NN;

public sealed class BatchNormPoolReLUTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Rng(seed), shape);

    [Theory]
    [InlineData(true, 3, 2, 4, 6)]
    [InlineData(true, 2, 3, 5, 7)]
    [InlineData(true, 4, 2, 16, 18)]
    [InlineData(false, 3, 2, 6, 4)]
    [InlineData(true, 2, 3, 6, 50)]
    [InlineData(false, 2, 2, 5, 33)]
    public void Fused_op_matches_batch_norm_then_max_pool_then_ReLU(bool training, int n, int c, int h, int w)
    {
        var x = R(1, n, c, h, w);
        var gamma = R(2, c);
        var beta = R(3, c);
        var mean = R(4, c);
        var variance = R(5, c).Abs() + 0.5f;
        var fusedStats = (mean.Clone(), variance.Clone());
        var composedStats = (mean.Clone(), variance.Clone());
        var fused = Grads(p => Functional.BatchNormMaxPool2dReLU(p[0], fusedStats.Item1, fusedStats.Item2, p[1], p[2], training), x, gamma, beta);
        var composed = Grads(
            p => Functional.BatchNorm(p[0], composedStats.Item1, composedStats.Item2, p[1], p[2], training).MaxPool2d(2).ReLU(),
            x, gamma, beta);

        // The forward values are computed the same way, so they agree exactly; gradients up to summation order.
        Assert.Equal(composed[0], fused[0]);
        for (var i = 1; i < fused.Length; i++)
        {
            Assert.Equal(composed[i], fused[i], new FloatComparer(1e-4f));
        }

        Assert.Equal(composedStats.Item1.Data, fusedStats.Item1.Data);
        Assert.Equal(composedStats.Item2.Data, fusedStats.Item2.Data);
    }

    [Fact]
    public void Ties_and_NaN_follow_the_max_pool()
    {
        // One channel in eval mode: ties go to the first cell, a NaN wins its window.
        float[] values = [1, 1, 2, float.NaN, 3, 3, 0, 5, -1, -1, -2, -3, 4, 7, 7, 7];
        var x = Tensor.FromArray(values, 1, 1, 4, 4);
        var x0 = Tensor.FromArray(values, 1, 1, 4, 4);
        x.RequiresGrad = true;
        x0.RequiresGrad = true;
        var fused = Functional.BatchNormMaxPool2dReLU(x, Tensor.Zeros(1), Tensor.Ones(1), null, null, false);
        var composed = Functional.BatchNorm(x0, Tensor.Zeros(1), Tensor.Ones(1), null, null, false).MaxPool2d(2).ReLU();
        Assert.Equal(composed.Data, fused.Data);
        fused.Sum().Backward();
        composed.Sum().Backward();
        Assert.Equal(x0.Grad!.Data, x.Grad!.Data);
    }

    [Fact]
    public void Ties_NaN_and_signed_zeros_follow_the_max_pool_in_rows_of_sixteen_and_more()
    {
        // Rows of 34 columns (two full blocks of sixteen and one window left over) whose values repeat within
        // windows, include NaNs and both zeros, so every winner rule of the vector path is exercised.
        float[] palette = [0f, -0f, 1f, 1f, -2f, float.NaN, 3f, -1f, 0f, 2f];
        var rng = new Rng(11);
        var values = new float[2 * 3 * 6 * 34];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = palette[rng.NextInt(palette.Length)];
        }

        var x = Tensor.FromArray(values, 2, 3, 6, 34);
        var x0 = Tensor.FromArray((float[])values.Clone(), 2, 3, 6, 34);
        x.RequiresGrad = true;
        x0.RequiresGrad = true;
        var shift = Tensor.FromArray([0f, -1f, 0.5f], 3);
        var fused = Functional.BatchNormMaxPool2dReLU(x, shift, Tensor.Ones(3), null, null, false);
        var composed = Functional.BatchNorm(x0, shift, Tensor.Ones(3), null, null, false).MaxPool2d(2).ReLU();
        Assert.Equal(
            composed.Data.Select(BitConverter.SingleToInt32Bits), fused.Data.Select(BitConverter.SingleToInt32Bits));
        var probe = R(12, 2, 3, 3, 17);
        fused.Mul(probe).Sum().Backward();
        composed.Mul(probe).Sum().Backward();
        Assert.Equal(x0.Grad!.Data, x.Grad!.Data);
    }

    [Fact]
    public void Training_backward_matches_finite_differences() =>
        GradCheck.Assert(
            p => Functional.BatchNormMaxPool2dReLU(p[0], Tensor.Zeros(2), Tensor.Ones(2), p[1], p[2], true),
            1e-3, 2e-2, 5e-3, R(6, 3, 2, 4, 4), R(7, 2), R(8, 2));

    [Fact]
    public void Module_method_matches_its_forward_then_pool_and_ReLU()
    {
        var a = new BatchNorm2d(3);
        var b = new BatchNorm2d(3);
        var x = R(9, 2, 3, 6, 6);
        Assert.Equal(b.Forward(x).MaxPool2d(2).ReLU().Data, a.ForwardMaxPool2dReLU(x).Data);
        Assert.Equal(b.RunningVar.Data, a.RunningVar.Data);
    }

    /// <summary>Forward output followed by the gradients of Σ probe·f(x) with respect to each input.</summary>
    private static float[][] Grads(Func<Tensor[], Tensor> f, Tensor x, Tensor gamma, Tensor beta)
    {
        var inputs = new[] { x.Clone(), gamma.Clone(), beta.Clone() };
        foreach (var t in inputs)
        {
            t.RequiresGrad = true;
        }

        var y = f(inputs);
        var output = y.ToArray();
        y.Mul(R(10, y.Shape.ToArray())).Sum().Backward();
        return [output, .. inputs.Select(t => t.Grad?.ToArray() ?? [])];
    }
}
