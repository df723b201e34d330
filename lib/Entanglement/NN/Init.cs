using Entanglement.Tensors;

namespace Entanglement.NN;

/// <summary>Weight initialisations (as <c>torch.nn.init</c>); every draw comes from the <see cref="Rng"/> passed in.</summary>
public static class Init
{
    /// <summary>
    /// PyTorch's default for <c>Linear</c>/<c>Conv2d</c> weights: Kaiming-uniform with a = √5, which is
    /// U(−1/√fanIn, 1/√fanIn) (gain √(2/(1+a²)) = √(1/3), bound = √3·gain/√fanIn).
    /// </summary>
    public static void KaimingUniformDefault(Tensor weight, int fanIn, Rng rng) =>
        Uniform(weight, 1f / MathF.Sqrt(Positive(fanIn)), rng);

    /// <summary>PyTorch's default bias: U(−1/√fanIn, 1/√fanIn).</summary>
    public static void BiasDefault(Tensor bias, int fanIn, Rng rng) =>
        Uniform(bias, 1f / MathF.Sqrt(Positive(fanIn)), rng);

    /// <summary>
    /// Kaiming-normal for ReLU with fan-out mode, N(0, 2/fanOut): torchvision's ResNet convolution init.
    /// </summary>
    public static void KaimingNormalFanOut(Tensor weight, int fanOut, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(weight);
        ArgumentNullException.ThrowIfNull(rng);
        var std = Math.Sqrt(2.0 / Positive(fanOut));
        for (var i = 0; i < weight.Size; i++)
        {
            weight.Data[i] = (float)(std * rng.NextNormal());
        }
    }

    /// <summary>Fills <paramref name="tensor"/> with U(−bound, bound).</summary>
    public static void Uniform(Tensor tensor, float bound, Rng rng)
    {
        ArgumentNullException.ThrowIfNull(tensor);
        ArgumentNullException.ThrowIfNull(rng);
        for (var i = 0; i < tensor.Size; i++)
        {
            tensor.Data[i] = rng.Uniform(-bound, bound);
        }
    }

    private static int Positive(int fan) =>
        fan > 0 ? fan : throw new ArgumentOutOfRangeException(nameof(fan), fan, "Init: fan must be positive.");
}
