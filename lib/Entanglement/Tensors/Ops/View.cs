namespace Entanglement.Tensors.Ops;

/// <summary>Views that share storage: reshape and flatten.</summary>
public static class View
{
    /// <summary>Same elements, new shape; one dimension may be −1 (inferred). Shares storage.</summary>
    public static Tensor Reshape(this Tensor x, params int[] shape)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(shape);
        var dims = (int[])shape.Clone();
        var infer = Array.IndexOf(dims, -1);
        var known = 1;
        for (var i = 0; i < dims.Length; i++)
        {
            if (i != infer)
            {
                known *= dims[i];
            }
        }

        if (infer >= 0 && known > 0 && x.Size % known == 0)
        {
            dims[infer] = x.Size / known;
        }

        var target = new Shape(dims);
        if (target.Size != x.Size)
        {
            throw new ArgumentException($"Reshape: cannot view {x.Shape} ({x.Size} elements) as {Format(shape)}.", nameof(shape));
        }

        return Tensor.FromOp(x.Data, target, "Reshape", [x], g => GradNode.Accumulate(x, g));
    }

    /// <summary>Flattens dimensions <paramref name="startDim"/>… into one (as <c>torch.flatten(x, 1)</c>).</summary>
    public static Tensor Flatten(this Tensor x, int startDim = 1)
    {
        ArgumentNullException.ThrowIfNull(x);
        var start = x.Shape.NormalizeAxis(startDim);
        var dims = new int[start + 1];
        for (var i = 0; i < start; i++)
        {
            dims[i] = x.Shape[i];
        }

        dims[start] = -1;
        return x.Size == 0 ? x.Reshape([.. dims[..start], 0]) : x.Reshape(dims);
    }

    private static string Format(int[] shape) => "[" + string.Join(", ", shape) + "]";
}
