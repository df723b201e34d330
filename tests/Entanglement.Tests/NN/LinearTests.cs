using Entanglement.NN;
using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;
using Entanglement.Tests.Tensors;

namespace Entanglement.Tests.NN;

public sealed class LinearTests
{
    [Fact]
    public void Forward_is_x_times_W_transposed_plus_b()
    {
        var linear = new Linear(2, 3, new Rng(0));
        Array.Copy(new float[] { 1, 2, 3, 4, 5, 6 }, linear.Weight.Data, 6);
        Array.Copy(new float[] { 0.5f, -1, 0 }, linear.Bias!.Data, 3);
        var y = linear.Forward(Tensor.FromArray([1, -1, 2, 0], 2, 2));
        Assert.Equal(new float[] { -0.5f, -2, -1, 2.5f, 5, 10 }, y.Data);
    }

    [Fact]
    public void Backward_matches_finite_differences() =>
        GradCheck.Assert(
            p => Functional.Linear(p[0], p[1], p[2]),
            Tensor.Randn(new Rng(1), 4, 3), Tensor.Randn(new Rng(2), 5, 3), Tensor.Randn(new Rng(3), 5));

    [Fact]
    public void Default_init_lies_within_one_over_square_root_of_fan_in()
    {
        var linear = new Linear(16, 64, new Rng(4));
        Assert.All(linear.Weight.Data, w => Assert.InRange(w, -0.25f, 0.25f));
        Assert.All(linear.Bias!.Data, b => Assert.InRange(b, -0.25f, 0.25f));
        Assert.True(linear.Weight.Data.Max() > 0.2f && linear.Weight.Data.Min() < -0.2f);
    }

    [Fact]
    public void Without_bias_there_is_one_parameter()
    {
        var linear = new Linear(3, 2, new Rng(0), bias: false);
        Assert.Equal(new[] { "weight" }, linear.NamedParameters().Select(p => p.Name).ToArray());
        Assert.Null(linear.Bias);
    }

    [Fact]
    public void A_wrong_input_width_names_the_layer()
    {
        var ex = Assert.Throws<ArgumentException>(() => new Linear(3, 2, new Rng(0)).Forward(Tensor.Zeros(4, 5)));
        Assert.Contains("Linear(3, 2)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("[4, 5]", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(1, 512, 2)]
    [InlineData(1, 3, 1)]
    [InlineData(7, 5, 3)]
    [InlineData(128, 512, 10)]
    [InlineData(129, 128, 4)]
    [InlineData(33, 1, 128)]
    public void Inference_equals_the_packed_product_bit_for_bit_and_a_double_sum(int batch, int inF, int outF)
    {
        var rng = new Rng(seed: (ulong)((batch * 1000) + inF + outF));
        var linear = new Linear(inF, outF, rng.Fork("init"));
        var x = Tensor.Randn(rng.Fork("x"), batch, inF);
        Tensor y;
        using (Autograd.NoGrad())
        {
            y = linear.Forward(x);
        }

        // The forward as it ran before the narrow kernel: bias rows, then C += x·Wᵀ on the packed GEMM path.
        var packed = new float[batch * outF];
        for (var i = 0; i < batch; i++)
        {
            linear.Bias!.Data.CopyTo(packed, i * outF);
        }

        Gemm.Packed(false, true, batch, outF, inF, x.Data, linear.Weight.Data, packed, accumulate: true);
        Assert.Equal(packed.Select(BitConverter.SingleToInt32Bits), y.Data.Select(BitConverter.SingleToInt32Bits));
        Assert.Equal(y.Data, linear.Forward(x).Data);
        for (var i = 0; i < batch; i++)
        {
            for (var j = 0; j < outF; j++)
            {
                double sum = linear.Bias!.Data[j], bound = Math.Abs(sum);
                for (var p = 0; p < inF; p++)
                {
                    var term = (double)x.Data[(i * inF) + p] * linear.Weight.Data[(j * inF) + p];
                    sum += term;
                    bound += Math.Abs(term);
                }

                Assert.True(Math.Abs(y.Data[(i * outF) + j] - sum) <= 1e-5 * bound, $"y[{i}, {j}]: {y.Data[(i * outF) + j]} vs {sum}");
            }
        }
    }
}
