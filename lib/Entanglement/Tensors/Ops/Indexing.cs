namespace Entanglement.Tensors.Ops;

/// <summary>Joining and selecting: concat, narrow (slicing), index-select, gather.</summary>
public static class Indexing
{
    /// <summary>Joins tensors along <paramref name="axis"/>; other dimensions must match (as <c>torch.cat</c>).</summary>
    public static Tensor Concat(IReadOnlyList<Tensor> tensors, int axis)
    {
        ArgumentNullException.ThrowIfNull(tensors);
        if (tensors.Count == 0)
        {
            throw new ArgumentException("Concat: no tensors given.", nameof(tensors));
        }

        var first = tensors[0].Shape;
        var ax = first.NormalizeAxis(axis);
        var total = 0;
        foreach (var t in tensors)
        {
            var ok = t.Rank == first.Rank;
            for (var d = 0; ok && d < first.Rank; d++)
            {
                ok = d == ax || t.Shape[d] == first[d];
            }

            if (!ok)
            {
                throw new ArgumentException(
                    $"Concat: shapes {first} and {t.Shape} differ outside axis {axis}.", nameof(tensors));
            }

            total += t.Shape[ax];
        }

        var dims = first.ToArray();
        dims[ax] = total;
        var shape = new Shape(dims);
        var (outer, _, inner) = Reduction.Split(shape, ax);
        var y = new float[shape.Size];
        var offset = 0;
        var inputs = tensors.ToArray();
        foreach (var t in inputs)
        {
            var block = t.Shape[ax] * inner;
            for (var o = 0; o < outer; o++)
            {
                t.Data.AsSpan(o * block, block).CopyTo(y.AsSpan((o * total * inner) + offset, block));
            }

            offset += block;
        }

        return Tensor.FromOp(y, shape, "Concat", inputs, g =>
        {
            var off = 0;
            foreach (var t in inputs)
            {
                var block = t.Shape[ax] * inner;
                if (t.RequiresGrad)
                {
                    var gt = new float[t.Size];
                    for (var o = 0; o < outer; o++)
                    {
                        g.AsSpan((o * total * inner) + off, block).CopyTo(gt.AsSpan(o * block, block));
                    }

                    GradNode.Accumulate(t, gt);
                }

                off += block;
            }
        });
    }

    /// <summary>The slice <paramref name="start"/>…start+length−1 along <paramref name="axis"/> (as <c>x.narrow</c>).</summary>
    public static Tensor Narrow(this Tensor x, int axis, int start, int length)
    {
        ArgumentNullException.ThrowIfNull(x);
        var ax = x.Shape.NormalizeAxis(axis);
        var n = x.Shape[ax];
        if (start < 0 || length < 0 || start + length > n)
        {
            throw new ArgumentOutOfRangeException(
                nameof(start), $"Narrow: slice {start}..{start + length} is outside axis {axis} of {x.Shape}.");
        }

        return x.IndexSelect(ax, Enumerable.Range(start, length).ToArray(), "Narrow");
    }

    /// <summary>Rows <paramref name="indices"/> along <paramref name="axis"/>, repeats allowed (as <c>index_select</c>).</summary>
    public static Tensor IndexSelect(this Tensor x, int axis, int[] indices) => x.IndexSelect(axis, indices, "IndexSelect");

    /// <summary>
    /// Picks one element per line along <paramref name="axis"/>: the index tensor has the input's shape with
    /// that axis removed (as <c>x.gather(axis, index.unsqueeze(axis)).squeeze(axis)</c>).
    /// </summary>
    public static Tensor Gather(this Tensor x, int axis, int[] index)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(index);
        var ax = x.Shape.NormalizeAxis(axis);
        var (outer, n, inner) = Reduction.Split(x.Shape, ax);
        if (index.Length != outer * inner)
        {
            throw new ArgumentException(
                $"Gather: {index.Length} indices for {outer * inner} lines of {x.Shape} along axis {axis}.", nameof(index));
        }

        var y = new float[index.Length];
        for (var o = 0; o < outer; o++)
        {
            for (var i = 0; i < inner; i++)
            {
                var k = index[(o * inner) + i];
                if ((uint)k >= (uint)n)
                {
                    throw new ArgumentOutOfRangeException(nameof(index), $"Gather: index {k} is outside axis {axis} of {x.Shape}.");
                }

                y[(o * inner) + i] = x.Data[(((o * n) + k) * inner) + i];
            }
        }

        return Tensor.FromOp(y, Reduction.ReducedShape(x.Shape, ax, keepDim: false), "Gather", [x], g =>
        {
            var gx = new float[x.Size];
            for (var o = 0; o < outer; o++)
            {
                for (var i = 0; i < inner; i++)
                {
                    gx[(((o * n) + index[(o * inner) + i]) * inner) + i] += g[(o * inner) + i];
                }
            }

            GradNode.Accumulate(x, gx);
        });
    }

    private static Tensor IndexSelect(this Tensor x, int axis, int[] indices, string op)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(indices);
        var ax = x.Shape.NormalizeAxis(axis);
        var (outer, n, inner) = Reduction.Split(x.Shape, ax);
        foreach (var k in indices)
        {
            if ((uint)k >= (uint)n)
            {
                throw new ArgumentOutOfRangeException(nameof(indices), $"{op}: index {k} is outside axis {axis} of {x.Shape}.");
            }
        }

        var dims = x.Shape.ToArray();
        dims[ax] = indices.Length;
        var y = new float[outer * indices.Length * inner];
        for (var o = 0; o < outer; o++)
        {
            for (var j = 0; j < indices.Length; j++)
            {
                x.Data.AsSpan(((o * n) + indices[j]) * inner, inner).CopyTo(y.AsSpan(((o * indices.Length) + j) * inner, inner));
            }
        }

        return Tensor.FromOp(y, new Shape(dims), op, [x], g =>
        {
            var gx = new float[x.Size];
            for (var o = 0; o < outer; o++)
            {
                for (var j = 0; j < indices.Length; j++)
                {
                    var dst = gx.AsSpan(((o * n) + indices[j]) * inner, inner);
                    System.Numerics.Tensors.TensorPrimitives.Add(dst, g.AsSpan(((o * indices.Length) + j) * inner, inner), dst);
                }
            }

            GradNode.Accumulate(x, gx);
        });
    }
}
