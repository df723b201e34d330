using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>
/// 2-D convolution over NCHW inputs with a square kernel (as <c>nn.Conv2d</c>), with PyTorch's default
/// initialisation (fan-in = inChannels·k²).
/// </summary>
public sealed class Conv2d : Module
{
    /// <summary>Creates the layer; weight and bias are drawn from <paramref name="rng"/> (weight first).</summary>
    public Conv2d(int inChannels, int outChannels, int kernelSize, Rng rng, int stride = 1, int padding = 0, bool bias = true)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(inChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(outChannels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(kernelSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(stride);
        ArgumentOutOfRangeException.ThrowIfNegative(padding);
        ArgumentNullException.ThrowIfNull(rng);
        InChannels = inChannels;
        OutChannels = outChannels;
        KernelSize = kernelSize;
        Stride = stride;
        Padding = padding;
        var fanIn = inChannels * kernelSize * kernelSize;
        Weight = RegisterParameter("weight", Tensor.Zeros(outChannels, inChannels, kernelSize, kernelSize));
        Init.KaimingUniformDefault(Weight, fanIn, rng);
        if (bias)
        {
            Bias = RegisterParameter("bias", Tensor.Zeros(outChannels));
            Init.BiasDefault(Bias, fanIn, rng);
        }
    }

    /// <summary>Input channels.</summary>
    public int InChannels { get; }

    /// <summary>Output channels.</summary>
    public int OutChannels { get; }

    /// <summary>Side of the square kernel.</summary>
    public int KernelSize { get; }

    /// <summary>Step between kernel positions.</summary>
    public int Stride { get; }

    /// <summary>Zeros added on every side.</summary>
    public int Padding { get; }

    /// <summary>The weight [out, in, k, k].</summary>
    public Tensor Weight { get; }

    /// <summary>The bias [out], or null.</summary>
    public Tensor? Bias { get; }

    /// <inheritdoc/>
    public override Tensor Forward(Tensor input)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Rank != 4 || input.Shape[1] != InChannels)
        {
            throw new ArgumentException(
                $"Conv2d({InChannels}, {OutChannels}, {KernelSize}): input {input.Shape}, expected [n, {InChannels}, h, w].",
                nameof(input));
        }

        return input.Conv2d(Weight, Bias, Stride, Padding);
    }
}
