namespace Entanglement.Notebooks;

/// <summary>
/// The globals a notebook's C# cells see when run by <see cref="NotebookExecutor"/>: <c>display(...)</c>, as the
/// Polyglot Notebooks C# kernel offered it, and the run's cancellation token.
/// </summary>
public sealed class NotebookGlobals
{
    private readonly Action<object?> _display;

    internal NotebookGlobals(Action<object?> display, CancellationToken cancellationToken)
    {
        _display = display;
        CancellationToken = cancellationToken;
    }

    /// <summary>Cancelled when the notebook run is cancelled; long cells may observe it.</summary>
    public CancellationToken CancellationToken { get; }

    /// <summary>
    /// Records <paramref name="value"/> as a <c>display_data</c> output of the running cell: <c>text/html</c> (plus
    /// <c>text/plain</c>) for an object with a public <c>string ToHtml()</c> method, <c>text/plain</c> otherwise.
    /// </summary>
#pragma warning disable IDE1006 // lower-case: matches the notebook kernel's display(...) that cells are written against
    public void display(object? value) => _display(value);
#pragma warning restore IDE1006
}
