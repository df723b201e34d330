namespace Entanglement.Data;

/// <summary>The one entry point scenarios use to get a data set's fixed train/test split.</summary>
public static class DatasetSource
{
    /// <summary>
    /// Digits: the embedded 8,000/2,000 split (1×32×32). SVHN: the official train/test split from the cache folder
    /// (3×32×32; <paramref name="svhnCacheDirectory"/> defaults to <see cref="Svhn.DefaultCacheDirectory"/>).
    /// </summary>
    public static DatasetSplit Load(DatasetKind kind, string? svhnCacheDirectory = null, bool svhnExtra = false) => kind switch
    {
        DatasetKind.Digits => EmbeddedDigits.LoadSplit(),
        DatasetKind.Svhn => Svhn.Load(svhnCacheDirectory, svhnExtra),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown data set."),
    };
}
