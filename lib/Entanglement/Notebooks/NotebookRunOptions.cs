namespace Entanglement.Notebooks;

/// <summary>How an <see cref="INotebookRunner"/> runs a notebook.</summary>
public sealed record NotebookRunOptions
{
    /// <summary>The default profile (<c>quick</c>): minutes on two CPU cores.</summary>
    public const string DefaultProfile = "quick";

    /// <summary>The environment variable that carries the profile to library code for the run.</summary>
    public const string ProfileVariable = "WORKBOOK_PROFILE";

    /// <summary>The profile exported as <c>WORKBOOK_PROFILE</c> while the cells run.</summary>
    public string Profile { get; init; } = DefaultProfile;

    /// <summary>
    /// The notebook's folder: the working directory while its cells run, as in Jupyter and VS Code, so relative paths in
    /// <c>#i</c> and <c>#r</c> resolve the same way; the current folder when null.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <summary>The name used in error messages (the notebook's path).</summary>
    public string NotebookName { get; init; } = "notebook";

    /// <summary>
    /// Receives progress of long cells (prefixed with the cell number): experiments a cell starts report here through
    /// <see cref="Experiments.AmbientProgress"/>. Null shows none.
    /// </summary>
    public IProgress<string>? Progress { get; init; }
}
