using Entanglement.Tensors;
using Entanglement.Tensors.Ops;

namespace Entanglement.Tests.Tensors;

/// <summary>
/// Checks an op's backward against central finite differences: the scalar probe L = Σ wᵢ·f(x)ᵢ, with fixed
/// random weights w, is evaluated in double from the float outputs.
/// </summary>
internal static class GradCheck
{
    public static void Assert(Func<Tensor[], Tensor> f, params Tensor[] inputs) =>
        Assert(f, 1e-2, 2e-2, 2e-3, inputs);

    public static void Assert(Func<Tensor[], Tensor> f, double eps, double relTol, double absTol, params Tensor[] inputs)
    {
        foreach (var x in inputs)
        {
            x.RequiresGrad = true;
            x.Grad = null;
        }

        var output = f(inputs);
        var weights = Tensor.Randn(new Rng(seed: 99), output.Shape.ToArray());
        output.Mul(weights).Sum().Backward();

        for (var t = 0; t < inputs.Length; t++)
        {
            var x = inputs[t];
            var analytic = x.Grad?.Data ?? new float[x.Size];
            for (var i = 0; i < x.Size; i++)
            {
                var saved = x.Data[i];
                x.Data[i] = (float)(saved + eps);
                var plus = Probe(f, inputs, weights);
                x.Data[i] = (float)(saved - eps);
                var minus = Probe(f, inputs, weights);
                x.Data[i] = saved;
                var numeric = (plus - minus) / (2 * eps);
                var diff = Math.Abs(numeric - analytic[i]);
                if (diff > absTol + (relTol * Math.Abs(numeric)))
                {
                    Xunit.Assert.Fail(
                        $"input {t} {x.Shape}, element {i}: analytic {analytic[i]:G6} vs numeric {numeric:G6}");
                }
            }
        }
    }

    private static double Probe(Func<Tensor[], Tensor> f, Tensor[] inputs, Tensor weights)
    {
        using (Autograd.NoGrad())
        {
            var y = f(inputs);
            double s = 0;
            for (var i = 0; i < y.Size; i++)
            {
                s += (double)y.Data[i] * weights.Data[i];
            }

            return s;
        }
    }
}
