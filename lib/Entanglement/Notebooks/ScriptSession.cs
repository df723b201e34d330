using System.Reflection;
using Entanglement.Tensors;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.Scripting;

namespace Entanglement.Notebooks;

/// <summary>One Roslyn scripting session: the first cell is <c>RunAsync</c>, every later one <c>ContinueWithAsync</c>.</summary>
internal sealed class ScriptSession
{
    // The base class library cells may use without #r. Taken from the trusted platform list by name, so cells see the
    // same framework whatever the host process has loaded; a short list keeps each cell's compilation fast.
    private static readonly string[] FrameworkAssemblies =
    [
        "System.Private.CoreLib", "System.Runtime", "netstandard", "mscorlib", "System.Collections",
        "System.Collections.Concurrent", "System.Console", "System.Linq", "System.Linq.Expressions", "System.Memory",
        "System.Runtime.Numerics", "System.Text.RegularExpressions", "System.Threading", "System.Threading.Tasks",
        "System.ComponentModel.Primitives", "System.Text.Json", "System.Numerics.Tensors",
    ];

    private static readonly Lazy<MetadataReference[]> FrameworkReferences = new(() =>
    [
        .. ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(path => FrameworkAssemblies.Contains(Path.GetFileNameWithoutExtension(path), StringComparer.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(path => MetadataReference.CreateFromFile(path)),
    ]);

    private readonly string _baseDirectory;
    private readonly OutputRecorder _recorder;
    private readonly NotebookGlobals _globals;
    private ScriptOptions _options;
    private ScriptState<object>? _state;

    public ScriptSession(string baseDirectory, OutputRecorder recorder, CancellationToken cancellationToken)
    {
        _baseDirectory = baseDirectory;
        _recorder = recorder;
        _globals = new NotebookGlobals(value => recorder.Add(NotebookOutput.DisplayData(DisplayFormatter.ToBundle(value))),
            cancellationToken);
        _options = ScriptOptions.Default
            .WithReferences(FrameworkReferences.Value)
            .WithImports("System", "System.Linq", "System.Collections.Generic")
            .WithMetadataResolver(ScriptMetadataResolver.Default.WithBaseDirectory(baseDirectory))
            .WithSourceResolver(new SourceFileResolver([], baseDirectory))
            .WithEmitDebugInformation(false);
    }

    /// <summary>Runs <paramref name="cell"/>, recording its outputs; returns the error output when the cell fails.</summary>
    public async Task<NotebookOutput?> RunAsync(NotebookCell cell, int executionCount, CancellationToken cancellationToken)
    {
        var code = ReferenceDirectives.Rewrite(cell.Source, _baseDirectory, out var referencesLibrary);
        if (referencesLibrary)
        {
            // The host already loaded Entanglement: reference that assembly so cells and host share its types.
            _options = _options.AddReferences(typeof(Tensor).Assembly);
        }

        _recorder.Begin(cell);
        var stdout = Console.Out;
        var stderr = Console.Error;
        Console.SetOut(new StreamCaptureWriter(_recorder, "stdout"));
        Console.SetError(new StreamCaptureWriter(_recorder, "stderr"));
        try
        {
            _state = _state is null
                ? await CSharpScript.RunAsync(code, _options, _globals, typeof(NotebookGlobals), cancellationToken).ConfigureAwait(false)
                : await _state.ContinueWithAsync(code, _options, cancellationToken).ConfigureAwait(false);
            if (_state.ReturnValue is { } value)
            {
                _recorder.Add(NotebookOutput.ExecuteResult(DisplayFormatter.ToBundle(value), executionCount));
            }

            return null;
        }
        catch (CompilationErrorException e)
        {
            var errors = e.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToArray();
            var error = NotebookOutput.Error(nameof(CompilationErrorException), errors.FirstOrDefault() ?? e.Message,
                errors.Length > 0 ? errors : [e.Message]);
            _recorder.Add(error);
            return error;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e)
        {
            var inner = Unwrap(e);
            var error = NotebookOutput.Error(inner.GetType().FullName ?? inner.GetType().Name, inner.Message, Traceback(inner));
            _recorder.Add(error);
            return error;
        }
        finally
        {
            _recorder.End();
            Console.SetOut(stdout);
            Console.SetError(stderr);
        }
    }

    // The exception and its frames down to the scripting engine's; the host's frames say nothing about the cell.
    private static string[] Traceback(Exception e) =>
    [
        .. e.ToString().Split('\n')
            .Select(line => line.TrimEnd('\r'))
            .TakeWhile(line => !line.StartsWith("--- End of stack trace", StringComparison.Ordinal)
                && !line.Contains(" Microsoft.CodeAnalysis.Scripting.", StringComparison.Ordinal)),
    ];

    private static Exception Unwrap(Exception e)
    {
        while (e is TargetInvocationException or AggregateException && e.InnerException is { } inner)
        {
            e = inner;
        }

        return e;
    }
}
