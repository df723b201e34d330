using System.Text.Json.Nodes;

namespace Entanglement.Notebooks;

/// <summary>
/// An nbformat 4 notebook (<c>.ipynb</c>): notebook metadata and cells. Unknown metadata is kept; written notebooks are
/// nbformat 4.5 with cell ids and the Polyglot Notebooks C# kernel metadata.
/// </summary>
public sealed class NotebookDocument
{
    /// <summary>The nbformat major version this model reads and writes.</summary>
    public const int Nbformat = 4;

    /// <summary>The nbformat minor version written (4.5 introduced cell ids).</summary>
    public const int NbformatMinor = 5;

    /// <summary>The notebook metadata (<c>kernelspec</c>, <c>language_info</c>, anything else kept as read).</summary>
    public JsonObject Metadata { get; init; } = [];

    /// <summary>The cells, in order.</summary>
    public IList<NotebookCell> Cells { get; } = new List<NotebookCell>();

    /// <summary>The code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells => Cells.Where(cell => cell.CellType == NotebookCellType.Code);

    /// <summary>The text of the first level-1 markdown heading, or null when there is none.</summary>
    public string? Title => Cells
        .Where(cell => cell.CellType == NotebookCellType.Markdown)
        .SelectMany(cell => cell.Source.Split('\n'))
        .Select(line => line.TrimEnd('\r'))
        .Where(line => line.StartsWith("# ", StringComparison.Ordinal))
        .Select(line => line[2..].Trim())
        .FirstOrDefault();

    /// <summary>An empty C# notebook with the Polyglot Notebooks metadata.</summary>
    public static NotebookDocument CreateCSharp()
    {
        var notebook = new NotebookDocument();
        NotebookJson.ApplyCSharpMetadata(notebook);
        return notebook;
    }

    /// <summary>A notebook made of <paramref name="cells"/>, with the C# metadata.</summary>
    public static NotebookDocument Of(params NotebookCell[] cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        var notebook = CreateCSharp();
        foreach (var cell in cells)
        {
            notebook.Cells.Add(cell);
        }

        return notebook;
    }

    /// <summary>Reads the notebook at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not an nbformat 4 notebook; the message names the file.</exception>
    public static NotebookDocument Load(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        return NotebookJson.Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses notebook JSON; <paramref name="sourceName"/> names the input in error messages.</summary>
    /// <exception cref="InvalidDataException">The JSON is not an nbformat 4 notebook.</exception>
    public static NotebookDocument Parse(string json, string sourceName = "notebook")
    {
        ArgumentNullException.ThrowIfNull(json);
        return NotebookJson.Parse(json, sourceName);
    }

    /// <summary>The notebook as nbformat 4.5 JSON (2-space indented, trailing newline, as Jupyter writes it).</summary>
    public string ToJson() => NotebookJson.Write(this);

    /// <summary>Writes the notebook to <paramref name="path"/> (the file is replaced only once fully written).</summary>
    public void Save(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var json = ToJson();
        var directory = Path.GetDirectoryName(Path.GetFullPath(path));
        if (!string.IsNullOrEmpty(directory))
        {
            Directory.CreateDirectory(directory);
        }

        var temp = path + ".tmp";
        File.WriteAllText(temp, json);
        File.Move(temp, path, overwrite: true);
    }

    /// <summary>A deep copy of the notebook.</summary>
    public NotebookDocument Clone()
    {
        var copy = new NotebookDocument { Metadata = (JsonObject)Metadata.DeepClone() };
        foreach (var cell in Cells)
        {
            copy.Cells.Add(cell.Clone());
        }

        return copy;
    }
}
