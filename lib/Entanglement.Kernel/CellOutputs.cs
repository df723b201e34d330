using System.Globalization;
using System.Text.Json.Nodes;
using Entanglement.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.DotNet.Interactive.Events;
using Microsoft.DotNet.Interactive.Formatting;

namespace Entanglement.Kernel;

/// <summary>Turns the events of one submitted cell into its nbformat outputs, in the order the kernel raised them.</summary>
internal static class CellOutputs
{
    /// <summary>The <c>ename</c> recorded for compiler errors (the kernel raises no exception for them).</summary>
    public const string CompilationError = "CompilationError";

    /// <summary>Appends the outputs of <paramref name="events"/> to <paramref name="cell"/>; returns the error output, if any.</summary>
    public static NotebookOutput? Record(NotebookCell cell, IEnumerable<KernelEvent> events, int executionCount)
    {
        NotebookOutput? error = null;
        string[] compileErrors = [];
        var displayed = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var kernelEvent in events)
        {
            switch (kernelEvent)
            {
                case StandardOutputValueProduced stdout:
                    AddStream(cell, "stdout", PlainText(stdout.FormattedValues));
                    break;
                case StandardErrorValueProduced stderr:
                    AddStream(cell, "stderr", PlainText(stderr.FormattedValues));
                    break;
                case ReturnValueProduced value:
                    cell.Outputs.Add(NotebookOutput.ExecuteResult(Bundle(value), executionCount));
                    break;
                case DisplayedValueUpdated update when update.ValueId is { } id && displayed.TryGetValue(id, out var index):
                    // As Jupyter's update_display_data: the display is replaced where it stands, not appended.
                    cell.Outputs[index] = NotebookOutput.DisplayData(Bundle(update));
                    break;
                case DisplayEvent display:
                    if (display.ValueId is { } valueId)
                    {
                        displayed[valueId] = cell.Outputs.Count;
                    }

                    cell.Outputs.Add(NotebookOutput.DisplayData(Bundle(display)));
                    break;
                case DiagnosticsProduced diagnostics:
                    compileErrors =
                    [
                        .. diagnostics.Diagnostics
                            .Where(d => d.Severity == DiagnosticSeverity.Error)
                            .Select(Describe),
                    ];
                    break;
                case CommandFailed failed:
                    error = compileErrors.Length > 0
                        ? NotebookOutput.Error(CompilationError, compileErrors[0], compileErrors)
                        : ErrorOf(failed);
                    cell.Outputs.Add(error);
                    break;
            }
        }

        return error;
    }

    // As the dotnet-interactive tool prints a compiler error: 1-based line and column, code, message.
    private static string Describe(Microsoft.DotNet.Interactive.Diagnostic d) => string.Create(CultureInfo.InvariantCulture,
        $"({d.LinePositionSpan.Start.Line + 1},{d.LinePositionSpan.Start.Character + 1}): error {d.Code}: {d.Message}");

    private static NotebookOutput ErrorOf(CommandFailed failed)
    {
        if (failed.Exception is not { } exception)
        {
            return NotebookOutput.Error("Error", failed.Message, [failed.Message]);
        }

        var inner = exception is AggregateException { InnerException: { } first } ? first : exception;
        return NotebookOutput.Error(inner.GetType().FullName ?? inner.GetType().Name, inner.Message, Traceback(inner));
    }

    // The exception and its frames down to the scripting engine's; the kernel's own frames say nothing about the cell.
    private static string[] Traceback(Exception e) =>
    [
        .. e.ToString().Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .TakeWhile(line => !line.StartsWith("--- End of stack trace", StringComparison.Ordinal)
                && !line.Contains(" Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal)
                && !line.Contains(" Microsoft.DotNet.Interactive.", StringComparison.Ordinal)),
    ];

    // Consecutive writes to one stream become one output, as Jupyter front-ends merge them.
    private static void AddStream(NotebookCell cell, string name, string text)
    {
        if (text.Length == 0)
        {
            return;
        }

        if (cell.Outputs.Count > 0 && cell.Outputs[^1] is { OutputType: NotebookOutputType.Stream } last && last.Name == name)
        {
            cell.Outputs[^1] = NotebookOutput.Stream(name, last.Text + text);
            return;
        }

        cell.Outputs.Add(NotebookOutput.Stream(name, text));
    }

    private static string PlainText(IReadOnlyCollection<FormattedValue> values) =>
        string.Concat(values.Where(v => v.MimeType == PlainTextFormatter.MimeType).Select(v => v.Value));

    // What the kernel formatted (the mime types a front-end asks for: text/html for most values), plus text/plain,
    // which plain-text readers of the executed notebook (tests, `results`, diffs) need.
    private static JsonObject Bundle(DisplayEvent display)
    {
        var bundle = new JsonObject();
        foreach (var value in display.FormattedValues)
        {
            bundle[value.MimeType] = value.Value;
        }

        if (!bundle.ContainsKey(PlainTextFormatter.MimeType) && display.Value is { } raw)
        {
            bundle[PlainTextFormatter.MimeType] = raw.ToDisplayString(PlainTextFormatter.MimeType);
        }

        return bundle;
    }
}
