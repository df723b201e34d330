namespace Entanglement.Notebooks;

/// <summary>The error that stopped a notebook run: which cell, and the compiler or runtime error.</summary>
/// <param name="CellNumber">1-based position of the failing cell among all cells of the notebook.</param>
/// <param name="ExecutionCount">The execution count the failing cell was given.</param>
/// <param name="EName">The exception type (<c>CompilationErrorException</c> for compiler errors).</param>
/// <param name="EValue">The exception message (the first compiler error for compiler errors).</param>
public sealed record NotebookCellError(int CellNumber, int ExecutionCount, string EName, string EValue)
{
    /// <summary>One line naming the notebook, the cell and the error.</summary>
    public string Describe(string notebookName) =>
        $"{notebookName}: cell {CellNumber} (execution {ExecutionCount}) failed: {EName}: {EValue}";
}
