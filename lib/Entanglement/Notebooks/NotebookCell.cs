using System.Text.Json.Nodes;

namespace Entanglement.Notebooks;

/// <summary>One cell of an nbformat 4 notebook: markdown, code (with outputs) or raw.</summary>
public sealed class NotebookCell
{
    /// <summary>Creates a cell of <paramref name="cellType"/> with <paramref name="source"/>.</summary>
    public NotebookCell(NotebookCellType cellType, string source, string? id = null)
    {
        ArgumentNullException.ThrowIfNull(source);
        CellType = cellType;
        Source = source;
        Id = id;
    }

    /// <summary>The cell type.</summary>
    public NotebookCellType CellType { get; }

    /// <summary>The cell id (nbformat 4.5); assigned when the notebook is written if missing.</summary>
    public string? Id { get; set; }

    /// <summary>The cell's source text, lines joined with <c>\n</c>.</summary>
    public string Source { get; set; }

    /// <summary>The cell metadata, unknown keys kept as read.</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>Markdown and raw cells' attachments, kept as read (null when absent).</summary>
    public JsonObject? Attachments { get; set; }

    /// <summary>Outputs of a code cell, in the order they were produced.</summary>
    public IList<NotebookOutput> Outputs { get; } = new List<NotebookOutput>();

    /// <summary>The execution count of a code cell; null when not executed.</summary>
    public int? ExecutionCount { get; set; }

    /// <summary>A markdown cell.</summary>
    public static NotebookCell Markdown(string source) => new(NotebookCellType.Markdown, source);

    /// <summary>A C# code cell.</summary>
    public static NotebookCell Code(string source) => new(NotebookCellType.Code, source);

    /// <summary>A raw cell.</summary>
    public static NotebookCell Raw(string source) => new(NotebookCellType.Raw, source);

    /// <summary>A deep copy of this cell, outputs included.</summary>
    public NotebookCell Clone()
    {
        var copy = new NotebookCell(CellType, Source, Id)
        {
            Metadata = (JsonObject)Metadata.DeepClone(),
            Attachments = (JsonObject?)Attachments?.DeepClone(),
            ExecutionCount = ExecutionCount,
        };
        foreach (var output in Outputs)
        {
            copy.Outputs.Add(output.Clone());
        }

        return copy;
    }
}
