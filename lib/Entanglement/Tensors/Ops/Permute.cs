namespace Entanglement.Tensors.Ops;

/// <summary>Axis reordering (copies): permute and transpose.</summary>
public static class Permute
{
    /// <summary>Reorders the axes: result axis i is input axis <paramref name="axes"/>[i] (as <c>x.permute</c>).</summary>
    public static Tensor Permuted(this Tensor x, params int[] axes)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(axes);
        if (axes.Length != x.Rank || axes.Select(a => x.Shape.NormalizeAxis(a)).Distinct().Count() != x.Rank)
        {
            throw new ArgumentException($"Permute: axes [{string.Join(", ", axes)}] are not a permutation of the axes of {x.Shape}.", nameof(axes));
        }

        var perm = axes.Select(a => x.Shape.NormalizeAxis(a)).ToArray();
        var outDims = perm.Select(a => x.Shape[a]).ToArray();
        var y = Copy(x.Data, x.Shape, perm, outDims);
        var inverse = new int[perm.Length];
        for (var i = 0; i < perm.Length; i++)
        {
            inverse[perm[i]] = i;
        }

        return Tensor.FromOp(y, new Shape(outDims), "Permute", [x], g =>
            GradNode.Accumulate(x, Copy(g, new Shape(outDims), inverse, x.Shape.ToArray())));
    }

    /// <summary>Swaps two axes (as <c>x.transpose(a, b)</c>); with no arguments, the last two.</summary>
    public static Tensor Transpose(this Tensor x, int axis0 = -2, int axis1 = -1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var perm = Enumerable.Range(0, x.Rank).ToArray();
        var a = x.Shape.NormalizeAxis(axis0);
        var b = x.Shape.NormalizeAxis(axis1);
        (perm[a], perm[b]) = (perm[b], perm[a]);
        return x.Permuted(perm);
    }

    /// <summary>Copies <paramref name="src"/> (shape <paramref name="srcShape"/>) into the permuted layout.</summary>
    private static float[] Copy(float[] src, Shape srcShape, int[] perm, int[] outDims)
    {
        var result = new float[src.Length];
        var srcStrides = srcShape.Strides();
        var rank = outDims.Length;
        if (rank == 0 || result.Length == 0)
        {
            src.AsSpan().CopyTo(result);
            return result;
        }

        var strides = perm.Select(p => srcStrides[p]).ToArray();
        var inner = outDims[rank - 1];
        var innerStride = strides[rank - 1];
        var index = new int[rank];
        var off = 0;
        for (var o = 0; o < result.Length; o += inner)
        {
            for (var i = 0; i < inner; i++)
            {
                result[o + i] = src[off + (i * innerStride)];
            }

            for (var ax = rank - 2; ax >= 0; ax--)
            {
                index[ax]++;
                off += strides[ax];
                if (index[ax] < outDims[ax])
                {
                    break;
                }

                off -= strides[ax] * index[ax];
                index[ax] = 0;
            }
        }

        return result;
    }
}
