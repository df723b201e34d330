using Entanglement.NN;
using Entanglement.Tensors;

namespace Entanglement.Tests.NN;

public sealed class MLPTests
{
    [Theory]
    [InlineData(1, 1, new[] { 128 }, 4)]
    [InlineData(128, 1, new[] { 128 }, 4)]
    [InlineData(7, 5, new[] { 9, 3 }, 2)]
    [InlineData(33, 512, new[] { 17 }, 10)]
    public void Inference_equals_the_module_forward_bit_for_bit_and_a_double_computation(int batch, int inF, int[] hidden, int outF)
    {
        var rng = new Rng(seed: (ulong)((batch * 100) + inF));
        var mlp = new MLP(inF, hidden, outF, rng.Fork("init"));
        var x = Tensor.Randn(rng.Fork("x"), batch, inF);
        var recorded = mlp.Forward(x);
        Tensor inferred;
        using (Autograd.NoGrad())
        {
            inferred = mlp.Forward(x);
            Assert.Equal(inferred.Data, mlp.Forward(x).Data);
        }

        Assert.Equal(recorded.Shape, inferred.Shape);
        Assert.Equal(recorded.Data.Select(BitConverter.SingleToInt32Bits), inferred.Data.Select(BitConverter.SingleToInt32Bits));
        var expected = DoubleForward(mlp, x, hidden.Length);
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(inferred.Data[i] - expected[i]) <= 1e-4 * (1 + Math.Abs(expected[i])), $"y[{i}]: {inferred.Data[i]} vs {expected[i]}");
        }
    }

    [Fact]
    public void Inference_names_the_expected_input_width()
    {
        var mlp = new MLP(3, [4], 2, new Rng(0));
        using (Autograd.NoGrad())
        {
            var ex = Assert.Throws<ArgumentException>(() => mlp.Forward(Tensor.Zeros(2, 5)));
            Assert.Contains("[2, 5]", ex.Message, StringComparison.Ordinal);
        }
    }

    /// <summary>The network in double precision from its parameters (weight, bias per layer, in order).</summary>
    private static double[] DoubleForward(MLP mlp, Tensor x, int hiddenLayers)
    {
        var parameters = mlp.Parameters().ToArray();
        var n = x.Shape[0];
        var h = x.Data.Select(v => (double)v).ToArray();
        for (var layer = 0; layer <= hiddenLayers; layer++)
        {
            var (w, b) = (parameters[2 * layer], parameters[(2 * layer) + 1]);
            int outF = w.Shape[0], inF = w.Shape[1];
            var y = new double[n * outF];
            for (var i = 0; i < n; i++)
            {
                for (var j = 0; j < outF; j++)
                {
                    var sum = (double)b.Data[j];
                    for (var p = 0; p < inF; p++)
                    {
                        sum += h[(i * inF) + p] * w.Data[(j * inF) + p];
                    }

                    y[(i * outF) + j] = layer < hiddenLayers ? Math.Max(sum, 0) : sum;
                }
            }

            h = y;
        }

        return h;
    }
}
