using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Maximum over square windows of NCHW inputs (as <c>nn.MaxPool2d</c>; padding counts as −∞).</summary>
public sealed class MaxPool2d : Module
{
    /// <summary>Creates the layer; the stride defaults to the kernel size, as in PyTorch.</summary>
    public MaxPool2d(int kernelSize, int? stride = null, int padding = 0)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        if (stride is <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(stride), stride, "MaxPool2d: stride must be positive.");
        }

        KernelSize = kernelSize;
        Stride = stride ?? kernelSize;
        Padding = padding;
    }

    /// <summary>Side of the square window.</summary>
    public int KernelSize { get; }

    /// <summary>Step between windows.</summary>
    public int Stride { get; }

    /// <summary>Padding on every side.</summary>
    public int Padding { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        return input.MaxPool2d(KernelSize, Stride, Padding);
    }
}
