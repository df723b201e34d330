using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Entanglement.Notebooks;

/// <summary>Reads and writes the nbformat 4 JSON of a <see cref="NotebookDocument"/>.</summary>
internal static partial class NotebookJson
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex CellIdPattern();

    public static NotebookDocument Parse(string json, string sourceName)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{sourceName}: not valid JSON: {e.Message}", e);
        }

        if (root is not JsonObject top)
        {
            throw new InvalidDataException($"{sourceName}: a notebook must be a JSON object");
        }

        var format = top["nbformat"] is JsonValue v && v.TryGetValue<int>(out var major) ? major : -1;
        if (format != NotebookDocument.Nbformat)
        {
            throw new InvalidDataException($"{sourceName}: nbformat {format} is not supported (expected 4)");
        }

        var notebook = new NotebookDocument { Metadata = top["metadata"] as JsonObject is { } m ? (JsonObject)m.DeepClone() : [] };
        if (top["cells"] is not JsonArray cells)
        {
            throw new InvalidDataException($"{sourceName}: missing 'cells' array");
        }

        for (var i = 0; i < cells.Count; i++)
        {
            notebook.Cells.Add(ParseCell(cells[i] as JsonObject
                ?? throw new InvalidDataException($"{sourceName}: cell {i + 1} is not an object"), sourceName, i + 1));
        }

        return notebook;
    }

    public static string Write(NotebookDocument notebook)
    {
        ApplyCSharpMetadata(notebook);
        AssignCellIds(notebook);
        var cells = new JsonArray();
        foreach (var cell in notebook.Cells)
        {
            cells.Add(WriteCell(cell));
        }

        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = notebook.Metadata.DeepClone(),
            ["nbformat"] = NotebookDocument.Nbformat,
            ["nbformat_minor"] = NotebookDocument.NbformatMinor,
        };
        return root.ToJsonString(WriteOptions).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    /// <summary>Sets the Polyglot Notebooks C# kernel metadata on the notebook and its code cells, keeping other keys.</summary>
    public static void ApplyCSharpMetadata(NotebookDocument notebook)
    {
        var metadata = notebook.Metadata;
        var kernelspec = Child(metadata, "kernelspec");
        kernelspec["name"] = ".net-csharp";
        kernelspec["display_name"] = ".NET (C#)";
        kernelspec["language"] = "C#";
        var languageInfo = Child(metadata, "language_info");
        languageInfo["name"] = "csharp";
        languageInfo["file_extension"] ??= ".cs";
        languageInfo["pygments_lexer"] ??= "csharp";
        var polyglot = Child(metadata, "polyglot_notebook");
        polyglot["kernelInfo"] ??= new JsonObject
        {
            ["defaultKernelName"] = "csharp",
            ["items"] = new JsonArray(new JsonObject { ["name"] = "csharp", ["aliases"] = new JsonArray() }),
        };
        foreach (var cell in notebook.CodeCells)
        {
            Child(cell.Metadata, "polyglot_notebook")["kernelName"] = "csharp";
            Child(cell.Metadata, "dotnet_interactive")["language"] = "csharp";
        }
    }

    private static JsonObject Child(JsonObject parent, string key)
    {
        if (parent[key] is JsonObject existing)
        {
            return existing;
        }

        var created = new JsonObject();
        parent[key] = created;
        return created;
    }

    private static void AssignCellIds(NotebookDocument notebook)
    {
        var used = new HashSet<string>(StringComparer.Ordinal);
        var index = 0;
        foreach (var cell in notebook.Cells)
        {
            index++;
            if (cell.Id is { } id && CellIdPattern().IsMatch(id) && used.Add(id))
            {
                continue;
            }

            var n = index;
            string candidate;
            while (!used.Add(candidate = "cell-" + n.ToString(CultureInfo.InvariantCulture)))
            {
                n += notebook.Cells.Count;
            }

            cell.Id = candidate;
        }
    }

    private static NotebookCell ParseCell(JsonObject json, string sourceName, int number)
    {
        var type = (string?)json["cell_type"] switch
        {
            "markdown" => NotebookCellType.Markdown,
            "code" => NotebookCellType.Code,
            "raw" => NotebookCellType.Raw,
            var other => throw new InvalidDataException($"{sourceName}: cell {number} has unknown cell_type '{other}'"),
        };
        var cell = new NotebookCell(type, ReadMultiline(json["source"]), (string?)json["id"])
        {
            Metadata = json["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : [],
            Attachments = (JsonObject?)(json["attachments"] as JsonObject)?.DeepClone(),
        };
        if (type != NotebookCellType.Code)
        {
            return cell;
        }

        cell.ExecutionCount = json["execution_count"] is JsonValue count && count.TryGetValue<int>(out var c) ? c : null;
        if (json["outputs"] is JsonArray outputs)
        {
            foreach (var output in outputs.OfType<JsonObject>())
            {
                cell.Outputs.Add(ParseOutput(output, sourceName, number));
            }
        }

        return cell;
    }

    private static NotebookOutput ParseOutput(JsonObject json, string sourceName, int number)
    {
        var metadata = json["metadata"] is JsonObject m ? (JsonObject)m.DeepClone() : null;
        return (string?)json["output_type"] switch
        {
            "stream" => NotebookOutput.Stream((string?)json["name"] ?? "stdout", ReadMultiline(json["text"])),
            "execute_result" => NotebookOutput.ExecuteResult(ReadBundle(json["data"]),
                json["execution_count"] is JsonValue v && v.TryGetValue<int>(out var c) ? c : 0, metadata),
            "display_data" => NotebookOutput.DisplayData(ReadBundle(json["data"]), metadata),
            "error" => NotebookOutput.Error((string?)json["ename"] ?? "", (string?)json["evalue"] ?? "",
                (json["traceback"] as JsonArray)?.Select(line => (string?)line ?? "").ToArray() ?? []),
            var other => throw new InvalidDataException(
                $"{sourceName}: cell {number} has an output of unknown output_type '{other}'"),
        };
    }

    private static JsonObject ReadBundle(JsonNode? node)
    {
        var bundle = new JsonObject();
        if (node is JsonObject data)
        {
            foreach (var (mime, value) in data)
            {
                bundle[mime] = IsJsonMime(mime) ? value?.DeepClone() : ReadMultiline(value);
            }
        }

        return bundle;
    }

    // nbformat keeps JSON mime types (application/json, *+json) as JSON; every other mime type is a multiline string.
    private static bool IsJsonMime(string mime) =>
        mime == "application/json" || mime.EndsWith("+json", StringComparison.Ordinal);

    private static string ReadMultiline(JsonNode? node) => node switch
    {
        null => "",
        JsonArray lines => string.Concat(lines.Select(line => (string?)line)),
        _ => (string?)node ?? "",
    };

    private static JsonArray Lines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            lines.Add(text[start..end]);
            start = end;
        }

        return lines;
    }

    private static JsonObject WriteCell(NotebookCell cell)
    {
        var json = new JsonObject
        {
            ["cell_type"] = cell.CellType switch
            {
                NotebookCellType.Markdown => "markdown",
                NotebookCellType.Code => "code",
                _ => "raw",
            },
            ["id"] = cell.Id,
            ["metadata"] = cell.Metadata.DeepClone(),
            ["source"] = Lines(cell.Source),
        };
        if (cell.CellType != NotebookCellType.Code)
        {
            if (cell.Attachments is { } attachments)
            {
                json["attachments"] = attachments.DeepClone();
            }

            return json;
        }

        json["execution_count"] = cell.ExecutionCount;
        json["outputs"] = new JsonArray([.. cell.Outputs.Select(WriteOutput)]);
        return json;
    }

    private static JsonObject WriteOutput(NotebookOutput output)
    {
        switch (output.OutputType)
        {
            case NotebookOutputType.Stream:
                return new JsonObject { ["output_type"] = "stream", ["name"] = output.Name, ["text"] = Lines(output.Text ?? "") };
            case NotebookOutputType.Error:
                return new JsonObject
                {
                    ["output_type"] = "error",
                    ["ename"] = output.EName,
                    ["evalue"] = output.EValue,
                    ["traceback"] = new JsonArray([.. output.Traceback.Select(line => (JsonNode?)line)]),
                };
            default:
                var data = new JsonObject();
                foreach (var (mime, value) in output.Data)
                {
                    data[mime] = !IsJsonMime(mime) && value is JsonValue text && text.TryGetValue<string>(out var s)
                        ? Lines(s)
                        : value?.DeepClone();
                }

                var json = new JsonObject
                {
                    ["output_type"] = output.OutputType == NotebookOutputType.ExecuteResult ? "execute_result" : "display_data",
                    ["data"] = data,
                    ["metadata"] = output.Metadata.DeepClone(),
                };
                if (output.OutputType == NotebookOutputType.ExecuteResult)
                {
                    json["execution_count"] = output.ExecutionCount;
                }

                return json;
        }
    }
}
