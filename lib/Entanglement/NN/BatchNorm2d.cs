namespace Entanglement.NN;

/// <summary>Batch normalisation of [n, c, h, w] inputs per channel (as <c>nn.BatchNorm2d</c>).</summary>
public sealed class BatchNorm2d : BatchNorm
{
    /// <summary>Creates the layer with PyTorch's defaults.</summary>
    public BatchNorm2d(int numFeatures, double eps = 1e-5, double momentum = 0.1)
        : base(numFeatures, eps, momentum)
    {
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<int> Ranks => [4];
}
