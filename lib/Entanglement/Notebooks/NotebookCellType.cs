namespace Entanglement.Notebooks;

/// <summary>The <c>cell_type</c> of an nbformat 4 cell.</summary>
public enum NotebookCellType
{
    /// <summary>A markdown cell (<c>"markdown"</c>).</summary>
    Markdown,

    /// <summary>A code cell (<c>"code"</c>) with outputs and an execution count.</summary>
    Code,

    /// <summary>A raw cell (<c>"raw"</c>), passed through untouched.</summary>
    Raw,
}
