using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Entanglement.Tests.Notebooks;

/// <summary>plotly.min.js from the npm package <c>plotly.js-dist-min</c>, fetched once with <c>npm pack</c> into a cache folder.</summary>
internal static class PlotlyPackage
{
    public const string Version = "2.35.2";

    public static string Script()
    {
        var cache = Path.Combine(Path.GetTempPath(), "entanglement-test-cache", $"plotly.js-dist-min-{Version}");
        var script = Path.Combine(cache, "plotly.min.js");
        if (File.Exists(script))
        {
            return File.ReadAllText(script);
        }

        Directory.CreateDirectory(cache);
        var tarball = Path.Combine(cache, $"plotly.js-dist-min-{Version}.tgz");
        if (!File.Exists(tarball))
        {
            Npm($"pack plotly.js-dist-min@{Version} --silent", cache);
        }

        using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
        using (var reader = new TarReader(gzip))
        {
            while (reader.GetNextEntry() is { } entry)
            {
                if (entry.Name == "package/plotly.min.js")
                {
                    entry.ExtractToFile(script + ".tmp", overwrite: true);
                    File.Move(script + ".tmp", script, overwrite: true);
                    return File.ReadAllText(script);
                }
            }
        }

        throw new InvalidDataException($"{tarball}: no package/plotly.min.js inside");
    }

    private static void Npm(string arguments, string workingDirectory)
    {
        using var process = Process.Start(new ProcessStartInfo("npm", arguments)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        }) ?? throw new InvalidOperationException("could not start npm");
        var stderr = process.StandardError.ReadToEndAsync();
        process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(120_000) || process.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm {arguments} failed: {stderr.Result}");
        }
    }
}
