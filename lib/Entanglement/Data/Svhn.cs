using System.Security.Cryptography;

namespace Entanglement.Data;

/// <summary>
/// SVHN (Netzer et al., 2011), cropped 32×32 digits: file names, published MD5s, decoding of the <c>.mat</c> files
/// (X: 32×32×3×N uint8, column-major; y: N×1, label 10 = digit 0) into N×3×32×32 images, and a decoded cache
/// (<see cref="ImageFile"/>, uncompressed) written once beside the downloads.
/// </summary>
public static class Svhn
{
    /// <summary>Where the files are published.</summary>
    public static readonly Uri BaseUri = new("http://ufldl.stanford.edu/housenumbers/");

    /// <summary>Default cache folder: <c>~/.cache/entanglement/svhn</c> (or the platform's local application data).</summary>
    public static string DefaultCacheDirectory
    {
        get
        {
            var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
            var root = !string.IsNullOrEmpty(xdg) ? xdg
                : OperatingSystem.IsWindows() ? Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData)
                : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache");
            return Path.Combine(root, "entanglement", "svhn");
        }
    }

    /// <summary>The <c>.mat</c> file name of a part.</summary>
    public static string FileName(SvhnPart part) => part switch
    {
        SvhnPart.Train => "train_32x32.mat",
        SvhnPart.Test => "test_32x32.mat",
        SvhnPart.Extra => "extra_32x32.mat",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>The published MD5 of a part's file.</summary>
    public static string Md5(SvhnPart part) => part switch
    {
        SvhnPart.Train => "e26dedcc434d2e4c54c9b2d4a06d8373",
        SvhnPart.Test => "eb5a983be6a315427106f1b2d2ba6fe6",
        SvhnPart.Extra => "a93ce644f1a588dc4d68dda5feec44a7",
        _ => throw new ArgumentOutOfRangeException(nameof(part)),
    };

    /// <summary>
    /// The fixed SVHN split from <paramref name="cacheDirectory"/>: the official train (plus extra when asked) and test
    /// sets, 3×32×32, with <see cref="Normalization.Svhn"/>. Each part is decoded from its <c>.mat</c> once, into a cache file.
    /// </summary>
    public static DatasetSplit Load(string? cacheDirectory = null, bool includeExtra = false)
    {
        var folder = cacheDirectory ?? DefaultCacheDirectory;
        var train = LoadPart(folder, SvhnPart.Train, out var trainHash);
        var test = LoadPart(folder, SvhnPart.Test, out var testHash);
        var hash = trainHash + testHash;
        if (includeExtra)
        {
            train = train.Concat(LoadPart(folder, SvhnPart.Extra, out var extraHash));
            hash += extraHash;
        }

        var combined = Convert.ToHexString(SHA256.HashData(System.Text.Encoding.ASCII.GetBytes(hash))).ToLowerInvariant();
        return new DatasetSplit(includeExtra ? "svhn+extra" : "svhn", train, test, Normalization.Svhn, combined);
    }

    /// <summary>One part: read from its cache file, or decoded from its <c>.mat</c> and cached (temporary file, then rename).</summary>
    public static ImageDataset LoadPart(string cacheDirectory, SvhnPart part, out string sha256)
    {
        ArgumentException.ThrowIfNullOrEmpty(cacheDirectory);
        var mat = Path.Combine(cacheDirectory, FileName(part));
        var cache = Path.ChangeExtension(mat, ".bin");
        if (File.Exists(cache))
        {
            return ImageFile.Read(cache, out sha256);
        }

        if (!File.Exists(mat))
        {
            throw new DataFileException(mat, "SVHN file not found; run `workbook data download svhn` (needs network access).");
        }

        var images = FromMat(mat);
        sha256 = ImageFile.Write(images, cache, compress: false);
        return images;
    }

    /// <summary>Decodes an SVHN <c>.mat</c> file (variables X and y) into N×3×32×32 images with labels 0…9.</summary>
    public static ImageDataset FromMat(string path)
    {
        var variables = MatFile.Read(path);
        if (!variables.TryGetValue("X", out var x) || !variables.TryGetValue("y", out var y))
        {
            throw new DataFileException(path, $"expected variables X and y, found {string.Join(", ", variables.Keys)}.");
        }

        if (x.Dims.Length != 4 || x.Dims[2] != 3 || x.Bytes is null)
        {
            throw new DataFileException(path, $"X is {x.ClassName} {string.Join("x", x.Dims)}; expected uint8 HxWx3xN.");
        }

        int h = x.Dims[0], w = x.Dims[1], n = x.Dims[3];
        if (y.Count != n)
        {
            throw new DataFileException(path, $"y has {y.Count} labels for {n} images.");
        }

        var labels = new int[n];
        for (var i = 0; i < n; i++)
        {
            var v = y.Bytes is { } yb ? yb[i] : y.Doubles?[i] ?? double.NaN;
            labels[i] = v is >= 1 and <= 10 && v == Math.Floor(v)
                ? (int)v % 10
                : throw new DataFileException(path, $"label {v} of image {i} is not in 1…10.");
        }

        // Column-major X[r, c, ch, k] (row r fastest) → row-major [k, ch, r, c].
        var src = x.Bytes;
        var dst = new byte[src.Length];
        var plane = h * w;
        for (var k = 0; k < n; k++)
        {
            for (var ch = 0; ch < 3; ch++)
            {
                var s = ((k * 3) + ch) * plane;
                for (var c = 0; c < w; c++)
                {
                    for (var r = 0; r < h; r++)
                    {
                        dst[s + (r * w) + c] = src[s + (c * h) + r];
                    }
                }
            }
        }

        return new ImageDataset(dst, labels, 3, h, w);
    }
}
