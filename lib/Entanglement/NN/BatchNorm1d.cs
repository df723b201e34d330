namespace Entanglement.NN;

/// <summary>Batch normalisation of [n, c] or [n, c, l] inputs (as <c>nn.BatchNorm1d</c>).</summary>
public sealed class BatchNorm1d : BatchNorm
{
    /// <summary>Creates the layer with PyTorch's defaults.</summary>
    public BatchNorm1d(int numFeatures, double eps = 1e-5, double momentum = 0.1)
        : base(numFeatures, eps, momentum)
    {
    }

    /// <inheritdoc/>
    protected override IReadOnlyList<int> Ranks => [2, 3];
}
