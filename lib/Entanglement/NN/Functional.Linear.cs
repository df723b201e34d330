using Entanglement.Tensors;
using Entanglement.Tensors.Kernels;

namespace Entanglement.NN;

/// <summary>Fused functional ops of the layers and losses (as <c>torch.nn.functional</c>).</summary>
public static partial class Functional
{
    /// <summary>
    /// y = x·Wᵀ + b for x [n, in], W [out, in], b [out] (as <c>F.linear</c>).
    /// dX = dY·W, dW = dYᵀ·X, db = Σₙ dY.
    /// </summary>
    public static Tensor Linear(Tensor x, Tensor weight, Tensor? bias = null)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        if (x.Rank != 2 || weight.Rank != 2 || x.Shape[1] != weight.Shape[1] ||
            (bias is not null && (bias.Rank != 1 || bias.Shape[0] != weight.Shape[0])))
        {
            throw new ArgumentException(
                $"Linear: input {x.Shape}, weight {weight.Shape}, bias {bias?.Shape.ToString() ?? "none"}: " +
                "expected [n, in], [out, in], [out].");
        }

        int n = x.Shape[0], inF = x.Shape[1], outF = weight.Shape[0];
        var y = GC.AllocateUninitializedArray<float>(n * outF);
        LinearInto(x.Data, weight.Data, bias?.Data, n, y);
        Tensor[] inputs = bias is null ? [x, weight] : [x, weight, bias];
        return Tensor.FromOp(y, new Shape(n, outF), "Linear", inputs, g =>
        {
            if (x.RequiresGrad)
            {
                var gx = new float[x.Size];
                Gemm.Sgemm(false, false, n, inF, outF, g, weight.Data, gx);
                GradNode.Accumulate(x, gx);
            }

            if (weight.RequiresGrad)
            {
                var gw = new float[weight.Size];
                Gemm.Sgemm(true, false, outF, inF, n, g, x.Data, gw);
                GradNode.Accumulate(weight, gw);
            }

            if (bias is { RequiresGrad: true })
            {
                var gb = new double[outF];
                for (var i = 0; i < n; i++)
                {
                    for (var j = 0; j < outF; j++)
                    {
                        gb[j] += g[(i * outF) + j];
                    }
                }

                GradNode.Accumulate(bias, Array.ConvertAll(gb, v => (float)v));
            }
        });
    }

    /// <summary>
    /// y [n, out] = x [n, in]·Wᵀ + b, the arithmetic of <see cref="Linear(Tensor, Tensor, Tensor?)"/> without a tensor or
    /// graph: C starts as the bias rows and the product is accumulated into it. Every element of y is written.
    /// </summary>
    internal static void LinearInto(ReadOnlyMemory<float> x, float[] weight, float[]? bias, int n, Memory<float> y)
    {
        var outF = y.Length / n;
        var inF = weight.Length / outF;
        if (bias is not null)
        {
            // A copy call per row costs more than it moves when rows are a few floats wide.
            var rows = y.Span;
            for (var i = 0; i < n; i++)
            {
                var row = rows.Slice(i * outF, outF);
                if (outF >= 16)
                {
                    bias.CopyTo(row);
                    continue;
                }

                for (var j = 0; j < outF; j++)
                {
                    row[j] = bias[j];
                }
            }
        }

        Gemm.Sgemm(false, true, n, outF, inF, x, weight, y, accumulate: bias is not null);
    }
}
