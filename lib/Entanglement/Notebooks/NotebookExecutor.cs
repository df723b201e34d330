using System.Diagnostics;
using Entanglement.Experiments;

namespace Entanglement.Notebooks;

/// <summary>
/// The headless notebook runner: runs a notebook's C# code cells in order in one Roslyn scripting session, records
/// each cell's console text, displays, last-expression value and error as nbformat outputs, and stops at the first
/// failing cell (DESIGN.md, "Notebooks").
/// </summary>
public static class NotebookExecutor
{
    // Console redirection and WORKBOOK_PROFILE are process-wide, so one notebook runs at a time per process.
    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    /// <summary>Loads and runs the notebook at <paramref name="path"/>, resolving <c>#r</c> against its folder.</summary>
    /// <param name="path">The notebook file.</param>
    /// <param name="profile">Exported as <c>WORKBOOK_PROFILE</c> while the cells run.</param>
    /// <param name="progress">Receives the progress of long cells (see <see cref="NotebookRunOptions.Progress"/>).</param>
    /// <param name="cancellationToken">Stops the run between cells.</param>
    public static Task<NotebookRunResult> RunFileAsync(string path, string profile = NotebookRunOptions.DefaultProfile,
        IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var notebook = NotebookDocument.Load(path);
        var options = new NotebookRunOptions
        {
            Profile = profile,
            BaseDirectory = Path.GetDirectoryName(Path.GetFullPath(path)),
            NotebookName = path,
            Progress = progress,
        };
        return RunAsync(notebook, options, cancellationToken);
    }

    /// <summary>
    /// Runs the code cells of a copy of <paramref name="notebook"/>; cells after a failing cell are left unexecuted.
    /// </summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    public static async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, NotebookRunOptions options,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentException.ThrowIfNullOrEmpty(options.Profile, nameof(options));
        var executed = notebook.Clone();
        foreach (var cell in executed.CodeCells)
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
        }

        var baseDirectory = Path.GetFullPath(options.BaseDirectory ?? Directory.GetCurrentDirectory());
        await OneRunAtATime.WaitAsync(cancellationToken).ConfigureAwait(false);
        var previousProfile = Environment.GetEnvironmentVariable(NotebookRunOptions.ProfileVariable);
        var stopwatch = Stopwatch.StartNew();
        NotebookCellError? error = null;
        try
        {
            Environment.SetEnvironmentVariable(NotebookRunOptions.ProfileVariable, options.Profile);
            var session = new ScriptSession(baseDirectory, new OutputRecorder(), cancellationToken);
            var executionCount = 0;
            for (var i = 0; i < executed.Cells.Count && error is null; i++)
            {
                var cell = executed.Cells[i];
                if (cell.CellType != NotebookCellType.Code || string.IsNullOrWhiteSpace(cell.Source))
                {
                    continue;
                }

                cancellationToken.ThrowIfCancellationRequested();
                cell.ExecutionCount = ++executionCount;
                using var scope = AmbientProgress.Use(CellProgress(options.Progress, i + 1));
                if (await session.RunAsync(cell, executionCount, cancellationToken).ConfigureAwait(false) is { } failure)
                {
                    error = new NotebookCellError(i + 1, executionCount, failure.EName ?? "", failure.EValue ?? "");
                }
            }
        }
        finally
        {
            Environment.SetEnvironmentVariable(NotebookRunOptions.ProfileVariable, previousProfile);
            OneRunAtATime.Release();
        }

        return new NotebookRunResult
        {
            Notebook = executed,
            NotebookName = options.NotebookName,
            Profile = options.Profile,
            Duration = stopwatch.Elapsed,
            Error = error,
        };
    }

    private static CellPrefixedProgress? CellProgress(IProgress<string>? progress, int cellNumber) =>
        progress is null ? null : new CellPrefixedProgress(progress, cellNumber);

    private sealed class CellPrefixedProgress(IProgress<string> inner, int cellNumber) : IProgress<string>
    {
        public void Report(string value) =>
            inner.Report(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"cell {cellNumber}: {value}"));
    }
}
