namespace Entanglement.NN;

/// <summary>The first layers of a <see cref="ResNet18"/>.</summary>
public enum ResNetStem
{
    /// <summary>3×3 convolution, stride 1, no max-pool: the usual stem for 32×32 images.</summary>
    Cifar,

    /// <summary>torchvision's ImageNet stem: 7×7 convolution, stride 2, then 3×3 max-pool stride 2 (the paper's code).</summary>
    ImageNet,
}
