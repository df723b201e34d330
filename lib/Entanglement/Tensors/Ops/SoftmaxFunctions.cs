namespace Entanglement.Tensors.Ops;

/// <summary>Softmax and log-softmax along an axis, numerically stable (max subtracted), in double per row.</summary>
public static class SoftmaxFunctions
{
    /// <summary>softmax(x)ᵢ = e^{xᵢ} / Σⱼ e^{xⱼ}. dX = y ⊙ (dY − Σ dY ⊙ y).</summary>
    public static Tensor Softmax(this Tensor x, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Compute(x, axis, log: false, out var outer, out var n, out var inner);
        return Tensor.FromOp(y, x.Shape, "Softmax", [x], g =>
        {
            ForEachLine(outer, n, inner, (start, stride) =>
            {
                double dot = 0;
                for (var k = 0; k < n; k++)
                {
                    dot += (double)g[start + (k * stride)] * y[start + (k * stride)];
                }

                for (var k = 0; k < n; k++)
                {
                    var i = start + (k * stride);
                    g[i] = (float)(y[i] * (g[i] - dot));
                }
            });
            GradNode.Accumulate(x, g);
        });
    }

    /// <summary>log softmax(x)ᵢ = xᵢ − log Σⱼ e^{xⱼ}. dX = dY − softmax(x) · Σ dY.</summary>
    public static Tensor LogSoftmax(this Tensor x, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var y = Compute(x, axis, log: true, out var outer, out var n, out var inner);
        return Tensor.FromOp(y, x.Shape, "LogSoftmax", [x], g =>
        {
            ForEachLine(outer, n, inner, (start, stride) =>
            {
                double sum = 0;
                for (var k = 0; k < n; k++)
                {
                    sum += g[start + (k * stride)];
                }

                for (var k = 0; k < n; k++)
                {
                    var i = start + (k * stride);
                    g[i] = (float)(g[i] - (Math.Exp(y[i]) * sum));
                }
            });
            GradNode.Accumulate(x, g);
        });
    }

    private static float[] Compute(Tensor x, int axis, bool log, out int outer, out int n, out int inner)
    {
        var ax = x.Shape.NormalizeAxis(axis);
        (outer, n, inner) = Reduction.Split(x.Shape, ax);
        var src = x.Data;
        var y = new float[x.Size];
        var count = n;
        ForEachLine(outer, n, inner, (start, stride) =>
        {
            var max = float.NegativeInfinity;
            for (var k = 0; k < count; k++)
            {
                max = Math.Max(max, src[start + (k * stride)]);
            }

            double sum = 0;
            for (var k = 0; k < count; k++)
            {
                sum += Math.Exp(src[start + (k * stride)] - max);
            }

            var logSum = max + Math.Log(sum);
            for (var k = 0; k < count; k++)
            {
                var i = start + (k * stride);
                y[i] = log ? (float)(src[i] - logSum) : (float)Math.Exp(src[i] - logSum);
            }
        });
        return y;
    }

    private static void ForEachLine(int outer, int n, int inner, Action<int, int> line)
    {
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                line((o * n * inner) + i, inner);
            }
        }
    }
}
