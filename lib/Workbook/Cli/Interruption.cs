using System.Runtime.InteropServices;

namespace Workbook.Cli;

/// <summary>
/// Turns the first Ctrl-C (SIGINT) or SIGTERM into a cancellation the command stops at (within a training step),
/// and a second one into an immediate exit. Disposing it restores the runtime's default handling.
/// </summary>
internal sealed class Interruption : IDisposable
{
    private readonly CancellationTokenSource _source = new();
    private readonly PosixSignalRegistration[] _registrations;
    private readonly TextWriter _error;
    private int _signals;

    public Interruption(TextWriter error)
    {
        _error = error;
        _registrations = [PosixSignalRegistration.Create(PosixSignal.SIGINT, Handle),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, Handle)];
    }

    /// <summary>Cancelled by the first signal.</summary>
    public CancellationToken Token => _source.Token;

    /// <summary>The first signal received, or null.</summary>
    public PosixSignal? Signal { get; private set; }

    /// <summary>The exit code for the first signal: 130 after SIGINT, 143 after SIGTERM.</summary>
    public int ExitCode => Signal == PosixSignal.SIGTERM ? ExitCodes.Terminated : ExitCodes.Interrupted;

    /// <summary>The signal's name as a shell user knows it.</summary>
    public string SignalName => Signal == PosixSignal.SIGTERM ? "SIGTERM" : "Ctrl-C (SIGINT)";

    public void Dispose()
    {
        foreach (var registration in _registrations)
        {
            registration.Dispose();
        }

        _source.Dispose();
    }

    private void Handle(PosixSignalContext context)
    {
        // Keep the process alive: the command stops itself and exits with the interrupted code.
        context.Cancel = true;
        if (Interlocked.Increment(ref _signals) > 1)
        {
            _error.WriteLine("workbook: stopped at once (second signal); the run in progress was abandoned.");
            _error.Flush();
            Environment.Exit(ExitCode);
        }

        Signal = context.Signal;
        var again = Signal == PosixSignal.SIGTERM ? "send SIGTERM again" : "press Ctrl-C again";
        _error.WriteLine($"workbook: {SignalName} received, stopping after the current training step ({again} to "
            + "stop at once)…");
        _error.Flush();
        _source.Cancel();
    }
}
