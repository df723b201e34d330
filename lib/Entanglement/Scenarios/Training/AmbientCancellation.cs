namespace Entanglement.Scenarios.Training;

/// <summary>
/// A cancellation token that flows with the calling async context, so a host (the <c>workbook</c> CLI on Ctrl-C or
/// SIGTERM, a notebook runner) can stop training that a notebook cell started with no token argument:
/// <c>var result = ExperimentRunner.Run(config);</c> stops within a training step once the host's token is cancelled.
/// </summary>
/// <remarks>
/// The trainers call <see cref="ThrowIfCancellationRequested"/> once per batch; a cancelled run throws
/// <see cref="OperationCanceledException"/> and is abandoned (a sweep commits only whole runs). Like
/// <c>AmbientProgress</c>, an <see cref="AsyncLocal{T}"/> is scoped to one logical call flow, and flows into the
/// threads and tasks that flow starts; a flow with nothing in scope sees <see cref="CancellationToken.None"/>.
/// </remarks>
public static class AmbientCancellation
{
    private static readonly AsyncLocal<CancellationToken> Token = new();

    /// <summary>The token in scope for this call flow, or <see cref="CancellationToken.None"/>.</summary>
    public static CancellationToken Current => Token.Value;

    /// <summary>Puts <paramref name="cancellation"/> in scope until the returned value is disposed.</summary>
    public static IDisposable Use(CancellationToken cancellation)
    {
        var previous = Token.Value;
        Token.Value = cancellation;
        return new Scope(previous);
    }

    /// <summary>Throws <see cref="OperationCanceledException"/> when the token in scope has been cancelled.</summary>
    public static void ThrowIfCancellationRequested() => Token.Value.ThrowIfCancellationRequested();

    private sealed class Scope(CancellationToken previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                Token.Value = previous;
                _disposed = true;
            }
        }
    }
}
