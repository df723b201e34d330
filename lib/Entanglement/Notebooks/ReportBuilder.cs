namespace Entanglement.Notebooks;

/// <summary>Runs notebooks from disk and writes their executed <c>.ipynb</c>, HTML pages and the report index.</summary>
public static class ReportBuilder
{
    /// <summary>The index page's file name.</summary>
    public const string IndexFileName = "index.html";

    /// <summary>The notebooks named by <paramref name="fileOrFolder"/>: the file itself, or the folder's <c>*.ipynb</c> sorted by name.</summary>
    /// <exception cref="FileNotFoundException">Neither a notebook file nor a folder exists at the path.</exception>
    public static IReadOnlyList<string> FindNotebooks(string fileOrFolder)
    {
        ArgumentException.ThrowIfNullOrEmpty(fileOrFolder);
        if (File.Exists(fileOrFolder))
        {
            return [fileOrFolder];
        }

        if (!Directory.Exists(fileOrFolder))
        {
            throw new FileNotFoundException($"No notebook or folder at '{fileOrFolder}'", fileOrFolder);
        }

        return [.. Directory.EnumerateFiles(fileOrFolder, "*.ipynb").Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// Runs the notebook at <paramref name="path"/> and writes what <paramref name="options"/> asks for; links in the
    /// returned entry are relative to <paramref name="linkBase"/> (the HTML folder when null).
    /// </summary>
    public static async Task<(NotebookRunResult Result, ReportEntry Entry)> RunAsync(INotebookRunner runner, string path,
        ReportBuildOptions options, string? linkBase = null, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(options);
        var runOptions = new NotebookRunOptions
        {
            Profile = options.Profile,
            BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)),
            NotebookName = path,
            Progress = progress,
        };
        var result = await runner.RunAsync(NotebookDocument.Load(path), runOptions, cancellationToken).ConfigureAwait(false);
        var stem = Path.GetFileNameWithoutExtension(path);
        string? notebookFile = null;
        if (options.InPlace)
        {
            result.Notebook.Save(notebookFile = path);
        }
        else if (options.NotebookDirectory is { } notebookDirectory)
        {
            result.Notebook.Save(notebookFile = Path.Combine(notebookDirectory, stem + ".ipynb"));
        }

        string? htmlFile = null;
        if (options.HtmlDirectory is { } htmlDirectory)
        {
            Directory.CreateDirectory(htmlDirectory);
            htmlFile = Path.Combine(htmlDirectory, stem + ".html");
            await File.WriteAllTextAsync(htmlFile, ReportWriter.RenderRun(result, options.Html), cancellationToken)
                .ConfigureAwait(false);
        }

        var baseFolder = linkBase ?? options.HtmlDirectory ?? Directory.GetCurrentDirectory();
        var entry = new ReportEntry
        {
            Title = result.Notebook.Title ?? stem,
            NotebookLink = notebookFile is null ? null : Link(baseFolder, notebookFile),
            HtmlLink = htmlFile is null ? null : Link(baseFolder, htmlFile),
            Duration = result.Duration,
            Error = result.Error?.Describe(Path.GetFileName(path)),
        };
        return (result, entry);
    }

    /// <summary>
    /// Runs every notebook in <paramref name="notebooksFolder"/> (sorted by name), writing the executed notebooks, their
    /// pages and <c>index.html</c> into <paramref name="outputFolder"/>; a failing notebook does not stop the others.
    /// </summary>
    public static async Task<IReadOnlyList<ReportEntry>> BuildAsync(INotebookRunner runner, string notebooksFolder,
        string outputFolder, ReportBuildOptions options, IProgress<string>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(runner);
        ArgumentException.ThrowIfNullOrEmpty(notebooksFolder);
        ArgumentException.ThrowIfNullOrEmpty(outputFolder);
        ArgumentNullException.ThrowIfNull(options);
        var perNotebook = options with { NotebookDirectory = outputFolder, HtmlDirectory = outputFolder, InPlace = false };
        var entries = new List<ReportEntry>();
        foreach (var path in FindNotebooks(notebooksFolder))
        {
            progress?.Report($"running {path}");
            var stem = Path.GetFileNameWithoutExtension(path);
            var cells = progress is null ? null : new PrefixedProgress(progress, stem);
            var (_, entry) = await RunAsync(runner, path, perNotebook, outputFolder, cells, cancellationToken).ConfigureAwait(false);
            progress?.Report(entry.Error is { } error ? $"FAILED {error}" : $"ok {path} ({entry.Duration.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s)");
            entries.Add(entry);
        }

        Directory.CreateDirectory(outputFolder);
        await File.WriteAllTextAsync(Path.Combine(outputFolder, IndexFileName),
            ReportWriter.RenderIndex(entries, options.Html with { Profile = options.Profile }), cancellationToken)
            .ConfigureAwait(false);
        return entries;
    }

    private static string Link(string baseFolder, string file) =>
        Path.GetRelativePath(Path.GetFullPath(baseFolder), Path.GetFullPath(file)).Replace('\\', '/');

    private sealed class PrefixedProgress(IProgress<string> inner, string prefix) : IProgress<string>
    {
        public void Report(string value) => inner.Report($"{prefix}: {value}");
    }
}
