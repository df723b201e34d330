using System.Diagnostics;
using System.Globalization;
using Entanglement.Experiments;
using Entanglement.Notebooks;
using Microsoft.DotNet.Interactive;
using Microsoft.DotNet.Interactive.Commands;

namespace Entanglement.Kernel;

/// <summary>
/// Runs a notebook's C# code cells in order in Microsoft.DotNet.Interactive's C# kernel, hosted in this process (the
/// kernel VS Code Polyglot Notebooks and Jupyter's .NET kernel run), records each cell's console text, displays,
/// returned value and error as nbformat outputs, and stops at the first failing cell.
/// </summary>
/// <remarks>
/// Each run gets a fresh kernel. A cell compiles against the library build this process runs, even when the package a
/// <c>#r "nuget: …"</c> restored is another build; the cell then carries a note saying so (<see cref="LoadedReferences"/>). The working directory is the notebook's folder while its cells run, as in Jupyter and
/// VS Code, so <c>#i "nuget: ../artifacts/packages"</c> resolves the same way in all three places.
/// </remarks>
public sealed class NotebookExecutor : INotebookRunner
{
    // The profile variable and the working directory are process-wide, so one notebook runs at a time per process.
    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    /// <inheritdoc/>
    public async Task<NotebookRunResult> RunAsync(NotebookDocument notebook, NotebookRunOptions options,
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
        var previousDirectory = Directory.GetCurrentDirectory();
        var stopwatch = Stopwatch.StartNew();
        NotebookCellError? error = null;
        try
        {
            Environment.SetEnvironmentVariable(NotebookRunOptions.ProfileVariable, options.Profile);
            Directory.SetCurrentDirectory(baseDirectory);
            var replacedReferences = new List<string>();
            using var kernel = KernelFactory.Create(replacedReferences.Add);
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
                KernelCommandResult result;
                using (AmbientProgress.Use(CellProgress(options.Progress, i + 1)))
                {
                    result = await kernel.SendAsync(new SubmitCode(cell.Source, KernelFactory.CSharp), cancellationToken)
                        .ConfigureAwait(false);
                }

                cancellationToken.ThrowIfCancellationRequested();
                foreach (var message in replacedReferences)
                {
                    cell.Outputs.Add(NotebookOutput.Stream("stderr", "note: " + message + "\n"));
                    options.Progress?.Report(message);
                }

                replacedReferences.Clear();
                if (CellOutputs.Record(cell, result.Events, executionCount) is { } failure)
                {
                    error = new NotebookCellError(i + 1, executionCount, failure.EName ?? "", failure.EValue ?? "");
                }
            }
        }
        finally
        {
            Directory.SetCurrentDirectory(previousDirectory);
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
            inner.Report(string.Create(CultureInfo.InvariantCulture, $"cell {cellNumber}: {value}"));
    }
}
