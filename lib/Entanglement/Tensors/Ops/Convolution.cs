using Entanglement.Tensors.Kernels;

namespace Entanglement.Tensors.Ops;

/// <summary>2-D convolution over NCHW images (as <c>torch.nn.functional.conv2d</c>, cross-correlation).</summary>
public static class Convolution
{
    /// <summary>
    /// y[n, o] = bias[o] + Σ_c weight[o, c] ⋆ x[n, c], for x [N, Cin, H, W], weight [Cout, Cin, kH, kW] and bias
    /// [Cout], moving the kernel by <paramref name="stride"/> over x zero-padded by <paramref name="padding"/>;
    /// y is [N, Cout, ⌊(H + 2p − kH)/s⌋ + 1, ⌊(W + 2p − kW)/s⌋ + 1]. Backward gives dX, dW and dBias.
    /// </summary>
    public static Tensor Conv2d(this Tensor x, Tensor weight, Tensor? bias = null, int stride = 1, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(weight);
        var g = Geometry(x.Shape, weight.Shape, bias?.Shape, stride, padding);
        int batch = x.Shape[0], outChannels = weight.Shape[0];
        var y = GC.AllocateUninitializedArray<float>(batch * outChannels * g.OutPlane);
        Conv2dKernel.Forward(x.Data, weight.Data, bias?.Data, batch, outChannels, g, y);
        var outShape = new Shape(batch, outChannels, g.OutHeight, g.OutWidth);
        Tensor[] inputs = bias is null ? [x, weight] : [x, weight, bias];
        return Tensor.FromOp(y, outShape, "Conv2d", inputs, dy =>
        {
            var dx = x.RequiresGrad ? GC.AllocateUninitializedArray<float>(x.Size) : null;
            var dw = weight.RequiresGrad ? new float[weight.Size] : null;
            var db = bias is not null && bias.RequiresGrad ? new float[bias.Size] : null;
            Conv2dKernel.Backward(x.Data, weight.Data, dy, batch, outChannels, g, dx, dw, db);
            if (dx is not null)
            {
                GradNode.Accumulate(x, dx);
            }

            if (dw is not null)
            {
                GradNode.Accumulate(weight, dw);
            }

            if (bias is not null && db is not null)
            {
                GradNode.Accumulate(bias, db);
            }
        });
    }

    private static ConvGeometry Geometry(Shape x, Shape w, Shape? bias, int stride, int padding)
    {
        var what = $"Conv2d: input {x}, weight {w}" + (bias is { } b ? $", bias {b}" : string.Empty);
        if (x.Rank != 4 || w.Rank != 4)
        {
            throw new ArgumentException($"{what}: expected input [N, Cin, H, W] and weight [Cout, Cin, kH, kW].");
        }

        if (x[1] != w[1])
        {
            throw new ArgumentException($"{what}: input channels {x[1]} != weight input channels {w[1]}.");
        }

        if (bias is { } bs && (bs.Rank != 1 || bs[0] != w[0]))
        {
            throw new ArgumentException($"{what}: bias must be [{w[0]}].");
        }

        if (stride < 1 || padding < 0)
        {
            throw new ArgumentException($"{what}: stride {stride} must be >= 1 and padding {padding} >= 0.");
        }

        var g = new ConvGeometry(x[1], x[2], x[3], w[2], w[3], stride, padding);
        if (w[2] < 1 || w[3] < 1 || x[2] + (2 * padding) < w[2] || x[3] + (2 * padding) < w[3])
        {
            throw new ArgumentException(
                $"{what}, padding {padding}: the kernel {w[2]}x{w[3]} is larger than the padded input.");
        }

        return g;
    }
}
