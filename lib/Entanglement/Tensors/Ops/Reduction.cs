namespace Entanglement.Tensors.Ops;

/// <summary>Sums and means over all elements or one axis; sums accumulate in double, in a fixed order.</summary>
public static class Reduction
{
    /// <summary>Sum of every element, as a scalar. dX = dY everywhere.</summary>
    public static Tensor Sum(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        double s = 0;
        foreach (var v in x.Data)
        {
            s += v;
        }

        return Tensor.FromOp([(float)s], new Shape(), "Sum", [x], g =>
        {
            var r = new float[x.Size];
            Array.Fill(r, g[0]);
            GradNode.Accumulate(x, r);
        });
    }

    /// <summary>Mean of every element, as a scalar.</summary>
    public static Tensor Mean(this Tensor x)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Size == 0)
        {
            throw new ArgumentException($"Mean: tensor of shape {x.Shape} is empty.", nameof(x));
        }

        return x.Sum() * (1f / x.Size);
    }

    /// <summary>Sum along <paramref name="axis"/> (negative counts from the end), optionally keeping it as size 1.</summary>
    public static Tensor Sum(this Tensor x, int axis, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        var ax = x.Shape.NormalizeAxis(axis);
        var (outer, n, inner) = Split(x.Shape, ax);
        var y = new float[outer * inner];
        var data = x.Data;
        var acc = new double[inner];
        for (var o = 0; o < outer; o++)
        {
            Array.Clear(acc);
            for (var k = 0; k < n; k++)
            {
                var off = ((o * n) + k) * inner;
                for (var i = 0; i < inner; i++)
                {
                    acc[i] += data[off + i];
                }
            }

            for (var i = 0; i < inner; i++)
            {
                y[(o * inner) + i] = (float)acc[i];
            }
        }

        return Tensor.FromOp(y, ReducedShape(x.Shape, ax, keepDim), "Sum", [x], g =>
        {
            // dX[o, k, i] = dY[o, i] for every k.
            var r = new float[x.Size];
            for (var o = 0; o < outer; o++)
            {
                var src = g.AsSpan(o * inner, inner);
                for (var k = 0; k < n; k++)
                {
                    src.CopyTo(r.AsSpan(((o * n) + k) * inner, inner));
                }
            }

            GradNode.Accumulate(x, r);
        });
    }

    /// <summary>Mean along <paramref name="axis"/>.</summary>
    public static Tensor Mean(this Tensor x, int axis, bool keepDim = false)
    {
        ArgumentNullException.ThrowIfNull(x);
        var n = x.Shape[axis];
        if (n == 0)
        {
            throw new ArgumentException($"Mean: axis {axis} of shape {x.Shape} is empty.", nameof(axis));
        }

        return x.Sum(axis, keepDim) * (1f / n);
    }

    /// <summary>Splits a shape around an axis into (outer, axis length, inner) element counts.</summary>
    internal static (int Outer, int N, int Inner) Split(Shape shape, int axis)
    {
        var outer = 1;
        var inner = 1;
        for (var i = 0; i < axis; i++)
        {
            outer *= shape.Dims[i];
        }

        for (var i = axis + 1; i < shape.Rank; i++)
        {
            inner *= shape.Dims[i];
        }

        return (outer, shape.Dims[axis], inner);
    }

    internal static Shape ReducedShape(Shape shape, int axis, bool keepDim)
    {
        var dims = new List<int>(shape.ToArray());
        if (keepDim)
        {
            dims[axis] = 1;
        }
        else
        {
            dims.RemoveAt(axis);
        }

        return new Shape([.. dims]);
    }
}
