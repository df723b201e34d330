namespace Entanglement.Scenarios;

/// <summary>The upstream architectures the experiments use.</summary>
public enum UpstreamArchitecture
{
    /// <summary>The small conv net as the paper's public code builds it.</summary>
    SmallConvNetPublicCode,

    /// <summary>The small conv net as the paper's Appendix B describes it.</summary>
    SmallConvNetAppendixB,

    /// <summary>torchvision's ResNet-18 (7×7 stride-2 stem and max-pool), as the paper's code used on 32×32 inputs.</summary>
    ResNet18ImageNetStem,

    /// <summary>ResNet-18 with the 3×3 stride-1 stem usual for 32×32 inputs.</summary>
    ResNet18CifarStem,
}
