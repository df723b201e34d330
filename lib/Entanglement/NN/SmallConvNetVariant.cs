namespace Entanglement.NN;

/// <summary>Which description of the paper's small convolutional network to build.</summary>
public enum SmallConvNetVariant
{
    /// <summary>
    /// The paper's public code: conv 5×5 pad 2 (no bias) → BN → max-pool 2 → ReLU; conv 5×5 stride 2 pad 2
    /// (no bias) → BN → max-pool 2 → ReLU; 16·W features on a 32×32 input.
    /// </summary>
    PublicCode,

    /// <summary>
    /// The paper's Appendix B text: conv 5×5 stride 1 pad 2 → BN → ReLU; conv 5×5 stride 2 pad 5 → BN → ReLU
    /// (convolutions with bias, PyTorch's default); 19·19·W features on a 32×32 input.
    /// </summary>
    Paper,
}
