namespace Entanglement.Notebooks;

/// <summary>One notebook's line in the report index: where its executed notebook and page are, and how the run went.</summary>
public sealed record ReportEntry
{
    /// <summary>The notebook's title (its first heading, or its file name).</summary>
    public required string Title { get; init; }

    /// <summary>The executed notebook, relative to the index page; null when not written.</summary>
    public string? NotebookLink { get; init; }

    /// <summary>The HTML page, relative to the index page; null when not written.</summary>
    public string? HtmlLink { get; init; }

    /// <summary>How long the run took.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The error that stopped the run, described; null when it succeeded.</summary>
    public string? Error { get; init; }

    /// <summary>True when every cell ran.</summary>
    public bool Succeeded => Error is null;
}
