namespace Entanglement.Tensors.Ops;

/// <summary>Constant padding of the last two dims (as <c>torch.nn.functional.pad(x, (l, r, t, b), value=v)</c>).</summary>
public static class Padding
{
    /// <summary>
    /// Adds <paramref name="left"/>/<paramref name="right"/> columns and <paramref name="top"/>/<paramref name="bottom"/>
    /// rows filled with <paramref name="value"/> around each plane of the last two dims. dX is dY's interior.
    /// </summary>
    public static Tensor Pad2d(this Tensor x, int left, int right, int top, int bottom, float value = 0f)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank < 2 || left < 0 || right < 0 || top < 0 || bottom < 0)
        {
            throw new ArgumentException(
                $"Pad2d: input {x.Shape}, padding ({left}, {right}, {top}, {bottom}): need rank >= 2 and paddings >= 0.",
                nameof(x));
        }

        int height = x.Shape[-2], width = x.Shape[-1];
        int outH = height + top + bottom, outW = width + left + right;
        var planes = height * width == 0 ? 0 : x.Size / (height * width);
        var dims = x.Shape.ToArray();
        dims[^2] = outH;
        dims[^1] = outW;
        var y = new float[planes * outH * outW];
        if (value != 0f)
        {
            Array.Fill(y, value);
        }

        for (var c = 0; c < planes; c++)
        {
            for (var h = 0; h < height; h++)
            {
                x.Data.AsSpan(((c * height) + h) * width, width)
                    .CopyTo(y.AsSpan((((c * outH) + top + h) * outW) + left, width));
            }
        }

        return Tensor.FromOp(y, new Shape(dims), "Pad2d", [x], dy =>
        {
            var dx = new float[x.Size];
            for (var c = 0; c < planes; c++)
            {
                for (var h = 0; h < height; h++)
                {
                    dy.AsSpan((((c * outH) + top + h) * outW) + left, width)
                        .CopyTo(dx.AsSpan(((c * height) + h) * width, width));
                }
            }

            GradNode.Accumulate(x, dx);
        });
    }
}
