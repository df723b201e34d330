namespace Entanglement.Tensors.Ops;

/// <summary>Maximum along an axis, with the index of the first maximum (as <c>x.max(dim)</c>, <c>argmax</c>).</summary>
public static class Extrema
{
    /// <summary>Maximum along <paramref name="axis"/>. dX = dY at the (first) arg-max, 0 elsewhere.</summary>
    public static Tensor Max(this Tensor x, int axis, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        var ax = x.Shape.NormalizeAxis(axis);
        var arg = x.Argmax(ax);
        var (outer, n, inner) = Reduction.Split(x.Shape, ax);
        var y = new float[arg.Length];
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                y[(o * inner) + i] = x.Data[(((o * n) + arg[(o * inner) + i]) * inner) + i];
            }
        }

        return Tensor.FromOp(y, Reduction.ReducedShape(x.Shape, ax, keepDim), "Max", [x], g =>
        {
            var gx = new float[x.Size];
            for (var o = 0; o < outer; o++)
            {
                for (var i = 0; i < inner; i++)
                {
                    gx[(((o * n) + arg[(o * inner) + i]) * inner) + i] = g[(o * inner) + i];
                }
            }

            GradNode.Accumulate(x, gx);
        });
    }

    /// <summary>Index of the first maximum along <paramref name="axis"/>, one per line (no gradient).</summary>
    public static int[] Argmax(this Tensor x, int axis = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var ax = x.Shape.NormalizeAxis(axis);
        var (outer, n, inner) = Reduction.Split(x.Shape, ax);
        if (n == 0)
        {
            throw new ArgumentException($"Argmax: axis {axis} of {x.Shape} is empty.", nameof(axis));
        }

        var result = new int[outer * inner];
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var best = 0;
                var bestValue = x.Data[(o * n * inner) + i];
                for (var k = 1; k < n; k++)
                {
                    var v = x.Data[(((o * n) + k) * inner) + i];
                    if (v > bestValue)
                    {
                        best = k;
                        bestValue = v;
                    }
                }

                result[(o * inner) + i] = best;
            }
        }

        return result;
    }
}
