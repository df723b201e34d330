namespace Entanglement.Notebooks;

/// <summary>The outcome of running a notebook: the executed copy, how long it took and the error that stopped it, if any.</summary>
public sealed record NotebookRunResult
{
    /// <summary>The executed notebook (a copy; the input is left untouched).</summary>
    public required NotebookDocument Notebook { get; init; }

    /// <summary>The notebook's name (its path) as given in the options.</summary>
    public required string NotebookName { get; init; }

    /// <summary>The profile the run used.</summary>
    public required string Profile { get; init; }

    /// <summary>Wall-clock time of the run.</summary>
    public required TimeSpan Duration { get; init; }

    /// <summary>The error that stopped the run; null when every code cell ran.</summary>
    public NotebookCellError? Error { get; init; }

    /// <summary>True when every code cell ran without error.</summary>
    public bool Succeeded => Error is null;
}
