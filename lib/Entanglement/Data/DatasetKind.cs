namespace Entanglement.Data;

/// <summary>Which data a scenario runs on (<c>--dataset digits|svhn</c>).</summary>
public enum DatasetKind
{
    /// <summary>The 10,000 MNIST digits embedded in the repository (offline default).</summary>
    Digits,

    /// <summary>SVHN 32×32 (train, test; extra on request), downloaded once into a cache folder.</summary>
    Svhn,
}
