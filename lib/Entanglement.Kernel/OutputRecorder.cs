using System.Text;

namespace Entanglement.Notebooks;

/// <summary>
/// Collects the outputs of the running cell in the order they happen: console text is merged into one stream output
/// per run of writes to the same stream, displays are recorded as they come.
/// </summary>
internal sealed class OutputRecorder
{
    private readonly object _gate = new();
    private readonly StringBuilder _pending = new();
    private string? _pendingName;
    private NotebookCell? _cell;

    /// <summary>Starts recording into <paramref name="cell"/>'s outputs.</summary>
    public void Begin(NotebookCell cell)
    {
        lock (_gate)
        {
            _cell = cell;
        }
    }

    /// <summary>Flushes pending console text and stops recording.</summary>
    public void End()
    {
        lock (_gate)
        {
            Flush();
            _cell = null;
        }
    }

    /// <summary>Records text written to <c>stdout</c> or <c>stderr</c>.</summary>
    public void Write(string name, string text)
    {
        lock (_gate)
        {
            if (_cell is null || text.Length == 0)
            {
                return;
            }

            if (_pendingName != name)
            {
                Flush();
                _pendingName = name;
            }

            _pending.Append(text);
        }
    }

    /// <summary>Records an output (a display, a result or an error) after any pending console text.</summary>
    public void Add(NotebookOutput output)
    {
        lock (_gate)
        {
            Flush();
            _cell?.Outputs.Add(output);
        }
    }

    private void Flush()
    {
        if (_cell is not null && _pendingName is not null && _pending.Length > 0)
        {
            _cell.Outputs.Add(NotebookOutput.Stream(_pendingName, _pending.ToString()));
        }

        _pending.Clear();
        _pendingName = null;
    }
}
