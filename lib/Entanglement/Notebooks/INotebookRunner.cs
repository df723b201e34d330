namespace Entanglement.Notebooks;

/// <summary>
/// Executes a notebook's code cells and records their outputs. The library only reads and writes notebooks and
/// renders reports; the kernel that runs the cells (Microsoft.DotNet.Interactive's C# kernel, hosted by the
/// <c>workbook</c> CLI) lives outside it, so notebooks that load this library never load a second Roslyn.
/// </summary>
public interface INotebookRunner
{
    /// <summary>
    /// Runs the code cells of a copy of <paramref name="notebook"/> in order, stopping at the first failing cell;
    /// markdown and raw cells are never executed.
    /// </summary>
    /// <exception cref="OperationCanceledException">The run was cancelled.</exception>
    Task<NotebookRunResult> RunAsync(NotebookDocument notebook, NotebookRunOptions options,
        CancellationToken cancellationToken = default);
}
