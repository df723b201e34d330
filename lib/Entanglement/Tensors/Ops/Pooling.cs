using Entanglement.Tensors.Kernels;

namespace Entanglement.Tensors.Ops;

/// <summary>Pooling over the last two dims of NCHW tensors (as <c>torch.nn.functional.max_pool2d</c> etc.).</summary>
public static class Pooling
{
    /// <summary>
    /// Maximum over each <paramref name="kernelSize"/>² window moved by <paramref name="stride"/> (default: the
    /// kernel size) over x padded by <paramref name="padding"/> (padding never wins). dX routes each output
    /// gradient to the first input cell holding its window's maximum.
    /// </summary>
    public static Tensor MaxPool2d(this Tensor x, int kernelSize, int? stride = null, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        var g = Geometry("MaxPool2d", x.Shape, kernelSize, stride ?? kernelSize, padding);
        var planes = x.Shape[0] * x.Shape[1];
        var y = GC.AllocateUninitializedArray<float>(planes * g.OutPlane);
        var argmax = GC.AllocateUninitializedArray<int>(y.Length);
        Pool2dKernel.MaxForward(x.Data, planes, g, y, argmax);
        return Tensor.FromOp(y, OutShape(x.Shape, g.OutHeight, g.OutWidth), "MaxPool2d", [x], dy =>
        {
            var dx = new float[x.Size];
            Pool2dKernel.MaxBackward(dy, argmax, planes, g, dx);
            GradNode.Accumulate(x, dx);
        });
    }

    /// <summary>
    /// Mean over each <paramref name="kernelSize"/>² window moved by <paramref name="stride"/> (default: the kernel
    /// size) over x zero-padded by <paramref name="padding"/>, always dividing by kernelSize² (PyTorch's default
    /// <c>count_include_pad=True</c>). dX spreads each output gradient evenly over its window.
    /// </summary>
    public static Tensor AvgPool2d(this Tensor x, int kernelSize, int? stride = null, int padding = 0)
    {
        ArgumentNullException.ThrowIfNull(x);
        var g = Geometry("AvgPool2d", x.Shape, kernelSize, stride ?? kernelSize, padding);
        var planes = x.Shape[0] * x.Shape[1];
        var y = new float[planes * g.OutPlane];
        Pool2dKernel.Average(x.Data, y, planes, g, adjoint: false);
        return Tensor.FromOp(y, OutShape(x.Shape, g.OutHeight, g.OutWidth), "AvgPool2d", [x], dy =>
        {
            var dx = new float[x.Size];
            Pool2dKernel.Average(dx, dy, planes, g, adjoint: true);
            GradNode.Accumulate(x, dx);
        });
    }

    /// <summary>
    /// Average pooling to an <paramref name="outputSize"/>² grid whatever the input size: output cell i covers input
    /// rows ⌊i·H/out⌋ to ⌈(i+1)·H/out⌉ (exclusive), likewise for columns, as PyTorch. outputSize 1 is the global
    /// average pool of ResNet heads.
    /// </summary>
    public static Tensor AdaptiveAvgPool2d(this Tensor x, int outputSize)
    {
        ArgumentNullException.ThrowIfNull(x);
        if (x.Rank != 4 || outputSize < 1)
        {
            throw new ArgumentException(
                $"AdaptiveAvgPool2d: input {x.Shape}, output size {outputSize}: expected [N, C, H, W] and size >= 1.",
                nameof(x));
        }

        int planes = x.Shape[0] * x.Shape[1], height = x.Shape[2], width = x.Shape[3];
        var y = new float[planes * outputSize * outputSize];
        Pool2dKernel.Adaptive(x.Data, y, planes, height, width, outputSize, adjoint: false);
        return Tensor.FromOp(y, OutShape(x.Shape, outputSize, outputSize), "AdaptiveAvgPool2d", [x], dy =>
        {
            var dx = new float[x.Size];
            Pool2dKernel.Adaptive(dx, dy, planes, height, width, outputSize, adjoint: true);
            GradNode.Accumulate(x, dx);
        });
    }

    private static Shape OutShape(Shape x, int height, int width) => new(x[0], x[1], height, width);

    private static ConvGeometry Geometry(string op, Shape x, int kernelSize, int stride, int padding)
    {
        var what = $"{op}: input {x}, kernel {kernelSize}, stride {stride}, padding {padding}";
        if (x.Rank != 4)
        {
            throw new ArgumentException($"{what}: expected input [N, C, H, W].", nameof(x));
        }

        if (kernelSize < 1 || stride < 1 || padding < 0 || padding > kernelSize / 2)
        {
            throw new ArgumentException(
                $"{what}: need kernel >= 1, stride >= 1 and 0 <= padding <= kernel / 2.", nameof(kernelSize));
        }

        if (x[2] + (2 * padding) < kernelSize || x[3] + (2 * padding) < kernelSize)
        {
            throw new ArgumentException($"{what}: the window is larger than the padded input.", nameof(x));
        }

        return new ConvGeometry(1, x[2], x[3], kernelSize, kernelSize, stride, padding);
    }
}
