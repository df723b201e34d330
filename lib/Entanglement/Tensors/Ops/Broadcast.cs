using System.Numerics.Tensors;

namespace Entanglement.Tensors.Ops;

/// <summary>NumPy/PyTorch broadcasting: shapes aligned at the end, size-1 dimensions stretched.</summary>
internal static class Broadcast
{
    public enum Kind
    {
        Add,
        Sub,
        Mul,
        Div,
    }

    /// <summary>The broadcast shape of <paramref name="a"/> and <paramref name="b"/>, or an error naming the op.</summary>
    public static Shape Shapes(Shape a, Shape b, string op)
    {
        var rank = Math.Max(a.Rank, b.Rank);
        var dims = new int[rank];
        for (var i = 0; i < rank; i++)
        {
            var da = i < rank - a.Rank ? 1 : a.Dims[i - (rank - a.Rank)];
            var db = i < rank - b.Rank ? 1 : b.Dims[i - (rank - b.Rank)];
            if (da != db && da != 1 && db != 1)
            {
                throw new ArgumentException($"{op}: shapes {a} and {b} cannot be broadcast (dimension {i}: {da} vs {db}).");
            }

            dims[i] = da == 1 ? db : da;
        }

        return new Shape(dims);
    }

    /// <summary>Strides of <paramref name="input"/> seen with the rank of <paramref name="output"/>; 0 where stretched.</summary>
    public static int[] Strides(Shape input, Shape output)
    {
        var strides = new int[output.Rank];
        var own = input.Strides();
        var offset = output.Rank - input.Rank;
        for (var i = offset; i < output.Rank; i++)
        {
            strides[i] = input.Dims[i - offset] == 1 ? 0 : own[i - offset];
        }

        return strides;
    }

    /// <summary>dst = a ∘ b elementwise, with broadcasting; dst has <paramref name="so"/>'s size.</summary>
    public static void Binary(Kind kind, float[] a, Shape sa, float[] b, Shape sb, float[] dst, Shape so)
    {
        if (sa == so && sb == so)
        {
            Row(kind, a, b, dst);
            return;
        }

        if (b.Length == 1 && sa == so)
        {
            RowScalar(kind, a, b[0], dst, scalarOnLeft: false);
            return;
        }

        var strideA = Strides(sa, so);
        var strideB = Strides(sb, so);
        var rank = so.Rank;
        var inner = rank == 0 ? 1 : so.Dims[rank - 1];
        var outer = inner == 0 ? 0 : dst.Length / inner;
        var ia = rank == 0 ? 0 : strideA[rank - 1];
        var ib = rank == 0 ? 0 : strideB[rank - 1];
        var index = new int[Math.Max(rank - 1, 0)];
        var offA = 0;
        var offB = 0;
        for (var row = 0; row < outer; row++)
        {
            var d = dst.AsSpan(row * inner, inner);
            if (ia == 1 && ib == 1)
            {
                Row(kind, a.AsSpan(offA, inner), b.AsSpan(offB, inner), d);
            }
            else if (ia == 1)
            {
                RowScalar(kind, a.AsSpan(offA, inner), b[offB], d, scalarOnLeft: false);
            }
            else if (ib == 1)
            {
                RowScalar(kind, b.AsSpan(offB, inner), a[offA], d, scalarOnLeft: true);
            }
            else
            {
                d.Fill(Apply(kind, a[offA], b[offB]));
            }

            // Advance the odometer over the outer dimensions.
            for (var ax = rank - 2; ax >= 0; ax--)
            {
                index[ax]++;
                offA += strideA[ax];
                offB += strideB[ax];
                if (index[ax] < so.Dims[ax])
                {
                    break;
                }

                offA -= strideA[ax] * index[ax];
                offB -= strideB[ax] * index[ax];
                index[ax] = 0;
            }
        }
    }

    /// <summary>Sums <paramref name="grad"/> (shape <paramref name="from"/>) over broadcast dimensions down to <paramref name="to"/>.</summary>
    public static float[] SumTo(float[] grad, Shape from, Shape to)
    {
        if (from == to)
        {
            return grad;
        }

        var result = new float[to.Size];
        if (to.Size == 1)
        {
            result[0] = TensorPrimitives.Sum(grad);
            return result;
        }

        var strides = Strides(to, from);
        var rank = from.Rank;
        var inner = from.Dims[rank - 1];
        var innerStride = strides[rank - 1];
        var outer = inner == 0 ? 0 : grad.Length / inner;
        var index = new int[rank - 1];
        var off = 0;
        for (var row = 0; row < outer; row++)
        {
            var g = grad.AsSpan(row * inner, inner);
            if (innerStride == 1)
            {
                var r = result.AsSpan(off, inner);
                TensorPrimitives.Add(r, g, r);
            }
            else
            {
                result[off] += TensorPrimitives.Sum(g);
            }

            for (var ax = rank - 2; ax >= 0; ax--)
            {
                index[ax]++;
                off += strides[ax];
                if (index[ax] < from.Dims[ax])
                {
                    break;
                }

                off -= strides[ax] * index[ax];
                index[ax] = 0;
            }
        }

        return result;
    }

    private static float Apply(Kind kind, float x, float y) => kind switch
    {
        Kind.Add => x + y,
        Kind.Sub => x - y,
        Kind.Mul => x * y,
        _ => x / y,
    };

    private static void Row(Kind kind, ReadOnlySpan<float> x, ReadOnlySpan<float> y, Span<float> d)
    {
        switch (kind)
        {
            case Kind.Add: TensorPrimitives.Add(x, y, d); break;
            case Kind.Sub: TensorPrimitives.Subtract(x, y, d); break;
            case Kind.Mul: TensorPrimitives.Multiply(x, y, d); break;
            default: TensorPrimitives.Divide(x, y, d); break;
        }
    }

    private static void RowScalar(Kind kind, ReadOnlySpan<float> x, float s, Span<float> d, bool scalarOnLeft)
    {
        switch (kind)
        {
            case Kind.Add: TensorPrimitives.Add(x, s, d); break;
            case Kind.Mul: TensorPrimitives.Multiply(x, s, d); break;
            case Kind.Sub when scalarOnLeft: TensorPrimitives.Subtract(s, x, d); break;
            case Kind.Sub: TensorPrimitives.Subtract(x, s, d); break;
            case Kind.Div when scalarOnLeft: TensorPrimitives.Divide(s, x, d); break;
            default: TensorPrimitives.Divide(x, s, d); break;
        }
    }
}
