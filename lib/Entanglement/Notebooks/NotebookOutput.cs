using System.Text.Json.Nodes;

namespace Entanglement.Notebooks;

/// <summary>One output of a code cell (nbformat 4 <c>execute_result</c>, <c>display_data</c>, <c>stream</c> or <c>error</c>).</summary>
public sealed class NotebookOutput
{
    private NotebookOutput(NotebookOutputType outputType) => OutputType = outputType;

    /// <summary>The output type.</summary>
    public NotebookOutputType OutputType { get; }

    /// <summary>The mime bundle of a result or display (<c>text/html</c>, <c>text/plain</c>, ...); text values are strings.</summary>
    public JsonObject Data { get; private init; } = [];

    /// <summary>Output metadata, kept as read.</summary>
    public JsonObject Metadata { get; private init; } = [];

    /// <summary>The execution count of an <c>execute_result</c>.</summary>
    public int? ExecutionCount { get; private init; }

    /// <summary>The stream name of a stream output (<c>stdout</c> or <c>stderr</c>).</summary>
    public string? Name { get; private init; }

    /// <summary>The text of a stream output.</summary>
    public string? Text { get; private init; }

    /// <summary>The exception type name of an error output.</summary>
    public string? EName { get; private init; }

    /// <summary>The exception message of an error output.</summary>
    public string? EValue { get; private init; }

    /// <summary>The traceback lines of an error output.</summary>
    public IReadOnlyList<string> Traceback { get; private init; } = [];

    /// <summary>A stream output.</summary>
    public static NotebookOutput Stream(string name, string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(text);
        return new NotebookOutput(NotebookOutputType.Stream) { Name = name, Text = text };
    }

    /// <summary>An <c>execute_result</c> with mime bundle <paramref name="data"/>.</summary>
    public static NotebookOutput ExecuteResult(JsonObject data, int executionCount, JsonObject? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new NotebookOutput(NotebookOutputType.ExecuteResult)
        {
            Data = data,
            ExecutionCount = executionCount,
            Metadata = metadata ?? [],
        };
    }

    /// <summary>A <c>display_data</c> output with mime bundle <paramref name="data"/>.</summary>
    public static NotebookOutput DisplayData(JsonObject data, JsonObject? metadata = null)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new NotebookOutput(NotebookOutputType.DisplayData) { Data = data, Metadata = metadata ?? [] };
    }

    /// <summary>An error output, as Jupyter records an exception.</summary>
    public static NotebookOutput Error(string ename, string evalue, IReadOnlyList<string> traceback)
    {
        ArgumentNullException.ThrowIfNull(ename);
        ArgumentNullException.ThrowIfNull(evalue);
        ArgumentNullException.ThrowIfNull(traceback);
        return new NotebookOutput(NotebookOutputType.Error) { EName = ename, EValue = evalue, Traceback = [.. traceback] };
    }

    /// <summary>The text of mime type <paramref name="mime"/> in <see cref="Data"/>, or null when absent.</summary>
    public string? GetText(string mime)
    {
        ArgumentNullException.ThrowIfNull(mime);
        return Data[mime] switch
        {
            null => null,
            JsonValue value when value.TryGetValue<string>(out var text) => text,
            JsonArray lines => string.Concat(lines.Select(line => line?.GetValue<string>())),
            var other => other.ToJsonString(),
        };
    }

    /// <summary>A deep copy of this output.</summary>
    public NotebookOutput Clone() => new(OutputType)
    {
        Data = (JsonObject)Data.DeepClone(),
        Metadata = (JsonObject)Metadata.DeepClone(),
        ExecutionCount = ExecutionCount,
        Name = Name,
        Text = Text,
        EName = EName,
        EValue = EValue,
        Traceback = Traceback,
    };
}
