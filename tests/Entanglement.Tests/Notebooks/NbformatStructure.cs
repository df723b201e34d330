using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Entanglement.Tests.Notebooks;

/// <summary>
/// Checks notebook JSON against the required structure of the nbformat 4.5 schema (nbformat.v4.5.schema.json), field
/// by field: required keys, types, no extra keys where the schema forbids them, and the cell id pattern.
/// </summary>
internal static partial class NbformatStructure
{
    [GeneratedRegex("^[a-zA-Z0-9-_]+$")]
    private static partial Regex CellId();

    /// <summary>Every violation found (an empty list means the notebook is valid).</summary>
    public static List<string> Validate(string json)
    {
        var errors = new List<string>();
        if (JsonNode.Parse(json) is not JsonObject root)
        {
            return ["root: not an object"];
        }

        Keys(errors, "root", root, ["metadata", "nbformat_minor", "nbformat", "cells"], []);
        if ((int?)root["nbformat"] != 4)
        {
            errors.Add("root.nbformat: must be 4");
        }

        if (root["nbformat_minor"] is not JsonValue minor || !minor.TryGetValue<int>(out var m) || m < 5)
        {
            errors.Add("root.nbformat_minor: must be an integer >= 5 (cell ids)");
        }

        if (root["metadata"] is JsonObject metadata)
        {
            if (metadata["kernelspec"] is { } kernelspec)
            {
                Keys(errors, "metadata.kernelspec", kernelspec as JsonObject, ["name", "display_name"], null);
            }

            if (metadata["language_info"] is { } languageInfo)
            {
                Keys(errors, "metadata.language_info", languageInfo as JsonObject, ["name"], null);
            }
        }
        else
        {
            errors.Add("root.metadata: not an object");
        }

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var cells = root["cells"] as JsonArray ?? [];
        for (var i = 0; i < cells.Count; i++)
        {
            Cell(errors, $"cells[{i}]", cells[i] as JsonObject, ids);
        }

        return errors;
    }

    private static void Cell(List<string> errors, string where, JsonObject? cell, HashSet<string> ids)
    {
        switch ((string?)cell?["cell_type"])
        {
            case "markdown":
            case "raw":
                Keys(errors, where, cell, ["id", "cell_type", "metadata", "source"], ["attachments"]);
                break;
            case "code":
                Keys(errors, where, cell, ["id", "cell_type", "metadata", "source", "outputs", "execution_count"], []);
                if (cell?["execution_count"] is { } count && (count is not JsonValue v || !v.TryGetValue<int>(out var n) || n < 0))
                {
                    errors.Add($"{where}.execution_count: must be null or a non-negative integer");
                }

                var outputs = cell?["outputs"] as JsonArray ?? [];
                for (var j = 0; j < outputs.Count; j++)
                {
                    Output(errors, $"{where}.outputs[{j}]", outputs[j] as JsonObject);
                }

                break;
            default:
                errors.Add($"{where}.cell_type: unknown '{cell?["cell_type"]}'");
                return;
        }

        var id = (string?)cell?["id"];
        if (id is null || id.Length is < 1 or > 64 || !CellId().IsMatch(id) || !ids.Add(id))
        {
            errors.Add($"{where}.id: '{id}' is missing, malformed or not unique");
        }

        if (cell?["metadata"] is not JsonObject)
        {
            errors.Add($"{where}.metadata: not an object");
        }

        MultilineString(errors, $"{where}.source", cell?["source"]);
    }

    private static void Output(List<string> errors, string where, JsonObject? output)
    {
        switch ((string?)output?["output_type"])
        {
            case "execute_result":
                Keys(errors, where, output, ["output_type", "data", "metadata", "execution_count"], []);
                Bundle(errors, where, output);
                break;
            case "display_data":
                Keys(errors, where, output, ["output_type", "data", "metadata"], ["transient"]);
                Bundle(errors, where, output);
                break;
            case "stream":
                Keys(errors, where, output, ["output_type", "name", "text"], []);
                MultilineString(errors, $"{where}.text", output?["text"]);
                break;
            case "error":
                Keys(errors, where, output, ["output_type", "ename", "evalue", "traceback"], []);
                if (output?["traceback"] is not JsonArray traceback || traceback.Any(line => line is not JsonValue))
                {
                    errors.Add($"{where}.traceback: must be an array of strings");
                }

                break;
            default:
                errors.Add($"{where}.output_type: unknown '{output?["output_type"]}'");
                break;
        }
    }

    private static void Bundle(List<string> errors, string where, JsonObject? output)
    {
        if (output?["data"] is not JsonObject data)
        {
            errors.Add($"{where}.data: not an object");
            return;
        }

        foreach (var (mime, value) in data)
        {
            if (!mime.Contains('/', StringComparison.Ordinal))
            {
                errors.Add($"{where}.data: '{mime}' is not a mime type");
            }
            else if (!mime.EndsWith("json", StringComparison.Ordinal))
            {
                MultilineString(errors, $"{where}.data[{mime}]", value);
            }
        }

        if (output["metadata"] is not JsonObject)
        {
            errors.Add($"{where}.metadata: not an object");
        }
    }

    private static void MultilineString(List<string> errors, string where, JsonNode? node)
    {
        var ok = node switch
        {
            JsonValue value => value.TryGetValue<string>(out _),
            JsonArray lines => lines.All(line => line is JsonValue v && v.TryGetValue<string>(out _)),
            _ => false,
        };
        if (!ok)
        {
            errors.Add($"{where}: must be a string or an array of strings");
        }
    }

    // optional == null means additional properties are allowed.
    private static void Keys(List<string> errors, string where, JsonObject? json, string[] required, string[]? optional)
    {
        if (json is null)
        {
            errors.Add($"{where}: not an object");
            return;
        }

        errors.AddRange(required.Where(key => !json.ContainsKey(key)).Select(key => $"{where}: missing required '{key}'"));
        if (optional is not null)
        {
            errors.AddRange(json.Select(p => p.Key).Where(key => !required.Contains(key) && !optional.Contains(key))
                .Select(key => $"{where}: property '{key}' is not allowed"));
        }
    }
}
