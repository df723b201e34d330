using Entanglement.NN;
using Entanglement.Tensors;
using Entanglement.Tensors.Ops;
using Entanglement.Tests.Tensors;

namespace Entanglement.Tests.NN;

public sealed class BatchNormTests
{
    private static Tensor R(int seed, params int[] shape) => Tensor.Randn(new Rng(seed), shape);

    private static Tensor ChannelMean(Tensor x) => x.Mean(0, keepDim: true).Mean(2, keepDim: true).Mean(3, keepDim: true);

    /// <summary>Batch norm composed from primitive ops: (x − μ)/√(σ² + ε)·γ + β with biased σ².</summary>
    private static Tensor Composed(Tensor x, Tensor gamma, Tensor beta, float eps)
    {
        var c = x.Shape[1];
        var centred = x.Sub(ChannelMean(x));
        var variance = ChannelMean(centred.Square());
        var xhat = centred.Div(variance.Add(Tensor.Scalar(eps)).Sqrt());
        return xhat.Mul(gamma.Reshape(1, c, 1, 1)).Add(beta.Reshape(1, c, 1, 1));
    }

    [Fact]
    public void Training_output_has_zero_mean_and_unit_variance_per_channel()
    {
        var bn = new BatchNorm2d(3);
        var x = R(1, 4, 3, 5, 5) * 3f + 2f;
        var y = bn.Forward(x);
        for (var c = 0; c < 3; c++)
        {
            var values = Enumerable.Range(0, 4).SelectMany(n => y.Data.Skip(((n * 3) + c) * 25).Take(25)).ToArray();
            var mean = values.Average(v => (double)v);
            var variance = values.Average(v => (v - mean) * (v - mean));
            Assert.InRange(mean, -1e-5, 1e-5);
            Assert.InRange(variance, 1 - 1e-3, 1 + 1e-3);
        }
    }

    [Fact]
    public void Running_statistics_use_momentum_and_the_unbiased_variance()
    {
        var bn = new BatchNorm1d(1, momentum: 0.1);
        bn.Forward(Tensor.FromArray([1, 2, 3, 6], 4, 1));

        // mean 3, unbiased variance ((−2)² + (−1)² + 0 + 3²)/3 = 14/3.
        Assert.Equal(0.9f * 0 + (0.1f * 3), bn.RunningMean.Data[0], 6);
        Assert.Equal((0.9f * 1) + (0.1f * 14f / 3), bn.RunningVar.Data[0], 6);
    }

    [Fact]
    public void Eval_uses_the_running_statistics()
    {
        var bn = new BatchNorm1d(2);
        bn.RunningMean.Data[0] = 1f;
        bn.RunningVar.Data[0] = 4f;
        bn.Weight.Data[1] = 2f;
        bn.Bias.Data[1] = 0.5f;
        bn.Eval();
        var y = bn.Forward(Tensor.FromArray([3, 1, 5, -1], 2, 2));
        var s = 1 / MathF.Sqrt(4 + 1e-5f);
        var t = 1 / MathF.Sqrt(1 + 1e-5f);
        Assert.Equal(new[] { 2 * s, (2 * t) + 0.5f, 4 * s, (-2 * t) + 0.5f }, y.Data, new FloatComparer(1e-6f));
        Assert.Equal(0f, bn.RunningMean.Data[1]);
    }

    [Fact]
    public void Fused_forward_and_backward_match_the_composition()
    {
        var x = R(2, 3, 2, 4, 3);
        var gamma = R(3, 2);
        var beta = R(4, 2);
        var probe = R(5, 3, 2, 4, 3);
        var fused = Grads(p => Functional.BatchNorm(p[0], Tensor.Zeros(2), Tensor.Ones(2), p[1], p[2], true), x, gamma, beta, probe);
        var composed = Grads(p => Composed(p[0], p[1], p[2], 1e-5f), x, gamma, beta, probe);
        for (var i = 0; i < fused.Length; i++)
        {
            Assert.Equal(composed[i], fused[i], new FloatComparer(2e-4f));
        }
    }

    [Fact]
    public void Training_backward_matches_finite_differences() =>
        GradCheck.Assert(
            p => Functional.BatchNorm(p[0], Tensor.Zeros(3), Tensor.Ones(3), p[1], p[2], true),
            R(6, 4, 3, 2, 2), R(7, 3), R(8, 3));

    [Fact]
    public void Eval_backward_matches_finite_differences() =>
        GradCheck.Assert(
            p => Functional.BatchNorm(p[0], Tensor.FromArray([0.5f, -1f], 2), Tensor.FromArray([2f, 0.5f], 2), p[1], p[2], false),
            R(9, 3, 2), R(10, 2), R(11, 2));

    [Fact]
    public void Wrong_channel_count_names_the_layer_and_the_shape()
    {
        var ex = Assert.Throws<ArgumentException>(() => new BatchNorm2d(4).Forward(R(1, 2, 3, 4, 4)));
        Assert.Contains("BatchNorm2d(4)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[2, 3, 4, 4]", ex.Message, StringComparison.Ordinal);
    }

    /// <summary>Forward output followed by the gradients of Σ probe·f(x) with respect to each input.</summary>
    private static float[][] Grads(Func<Tensor[], Tensor> f, Tensor x, Tensor gamma, Tensor beta, Tensor probe)
    {
        var inputs = new[] { x.Clone(), gamma.Clone(), beta.Clone() };
        foreach (var t in inputs)
        {
            t.RequiresGrad = true;
        }

        var y = f(inputs);
        var output = y.ToArray();
        y.Mul(probe).Sum().Backward();
        return [output, .. inputs.Select(t => t.Grad?.ToArray() ?? [])];
    }
}
