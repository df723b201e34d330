using System.ComponentModel;
using System.Diagnostics;
using System.Formats.Tar;
using System.IO.Compression;

namespace Entanglement.Plotting;

/// <summary>
/// The pinned plotly.js: its CDN URL, and the minified script from the npm package <c>plotly.js-dist-min</c>,
/// fetched once with <c>npm pack</c> into a cache folder for offline pages.
/// </summary>
public static class PlotlyJs
{
    /// <summary>The one plotly.js version the workbook uses, everywhere.</summary>
    public const string Version = "2.35.3";

    /// <summary>The npm package holding <c>plotly.min.js</c>.</summary>
    public const string PackageName = "plotly.js-dist-min";

    /// <summary>The script's URL on plotly's CDN.</summary>
    public const string CdnUrl = "https://cdn.plot.ly/plotly-" + Version + ".min.js";

    /// <summary>
    /// The cache folder: <c>WORKBOOK_PLOTLY_CACHE</c> if set; else <c>artifacts/plotly</c> of the repository around the
    /// running program (the folder holding <c>Workbook.sln</c>); else <c>entanglement/plotly</c> in the user's
    /// local application data.
    /// </summary>
    public static string DefaultCacheDirectory()
    {
        var configured = Environment.GetEnvironmentVariable("WORKBOOK_PLOTLY_CACHE");
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbook.sln")))
            {
                return Path.Combine(dir.FullName, "artifacts", "plotly");
            }
        }

        var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create);
        return Path.Combine(string.IsNullOrEmpty(local) ? Path.GetTempPath() : local, "entanglement", "plotly");
    }

    /// <summary>The cached script's path in <paramref name="cacheDirectory"/> (default: <see cref="DefaultCacheDirectory"/>).</summary>
    public static string CachePath(string? cacheDirectory = null) =>
        Path.Combine(cacheDirectory ?? DefaultCacheDirectory(), $"plotly-{Version}.min.js");

    /// <summary>
    /// The text of <c>plotly.min.js</c> at <see cref="Version"/>, from the cache; when missing (or not that version)
    /// it is fetched with <c>npm pack</c>, extracted, and written to the cache through a temporary file and a rename.
    /// </summary>
    /// <exception cref="InvalidOperationException">npm is missing or fails, or the package lacks the script.</exception>
    public static string Load(string? cacheDirectory = null) => Load(cacheDirectory, "npm");

    internal static string Load(string? cacheDirectory, string npmCommand)
    {
        var path = CachePath(cacheDirectory);
        if (File.Exists(path))
        {
            var cached = File.ReadAllText(path);
            if (IsExpectedScript(cached))
            {
                return cached;
            }
        }

        var text = Fetch(npmCommand);
        Directory.CreateDirectory(Path.GetDirectoryName(path) ?? ".");
        var temp = path + "." + Path.GetRandomFileName() + ".tmp";
        File.WriteAllText(temp, text);
        File.Move(temp, path, overwrite: true);
        return text;
    }

    internal static bool IsExpectedScript(string text) =>
        text.Length > 100_000 && text.AsSpan(0, Math.Min(text.Length, 400)).Contains("v" + Version, StringComparison.Ordinal);

    private static string Fetch(string npmCommand)
    {
        var work = Directory.CreateTempSubdirectory("plotly-npm-");
        try
        {
            RunNpmPack(npmCommand, work.FullName);
            var tarball = work.GetFiles("*.tgz").SingleOrDefault() ?? throw new InvalidOperationException(
                $"npm pack {PackageName}@{Version} wrote no .tgz into {work.FullName}.");
            var text = ExtractScript(tarball.FullName);
            return IsExpectedScript(text) ? text : throw new InvalidOperationException(
                $"{tarball.Name}: package/plotly.min.js is not plotly.js v{Version}.");
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    private static void RunNpmPack(string npmCommand, string workingDirectory)
    {
        var start = new ProcessStartInfo(OperatingSystem.IsWindows() && npmCommand == "npm" ? "npm.cmd" : npmCommand)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { "pack", $"{PackageName}@{Version}", "--silent" })
        {
            start.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start '{npmCommand}'.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                $"plotly.js for offline pages: '{npmCommand}' was not found (install Node.js/npm, or place " +
                $"plotly.min.js v{Version} at {CachePath()}). Pages can use PlotlySource.Cdn instead.", e);
        }

        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            _ = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException($"npm pack {PackageName}@{Version} did not finish in 5 minutes.");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"npm pack {PackageName}@{Version} failed with exit code {process.ExitCode}: {stderr.Result.Trim()}");
            }
        }
    }

    private static string ExtractScript(string tarballPath)
    {
        using var file = File.OpenRead(tarballPath);
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var tar = new TarReader(gzip);
        while (tar.GetNextEntry() is { } entry)
        {
            if (entry.Name == "package/plotly.min.js" && entry.DataStream is not null)
            {
                using var reader = new StreamReader(entry.DataStream);
                return reader.ReadToEnd();
            }
        }

        throw new InvalidOperationException($"{Path.GetFileName(tarballPath)} has no package/plotly.min.js.");
    }
}
