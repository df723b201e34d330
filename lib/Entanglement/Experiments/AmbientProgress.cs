namespace Entanglement.Experiments;

/// <summary>
/// A progress sink that flows with the calling async context, so a host (the headless notebook runner) can show the
/// progress of an experiment that a notebook cell starts with no progress argument:
/// <c>var result = ExperimentRunner.Run(config);</c> reports to whatever sink the host put in scope.
/// </summary>
/// <remarks>
/// An <see cref="AsyncLocal{T}"/> is scoped to one logical call flow, not shared process state: concurrent runs each
/// see their own sink, and a flow with none in scope sees null.
/// </remarks>
public static class AmbientProgress
{
    private static readonly AsyncLocal<IProgress<string>?> Sink = new();

    /// <summary>The sink in scope for this call flow, or null.</summary>
    public static IProgress<string>? Current => Sink.Value;

    /// <summary>Puts <paramref name="progress"/> in scope until the returned value is disposed.</summary>
    public static IDisposable Use(IProgress<string>? progress)
    {
        var previous = Sink.Value;
        Sink.Value = progress;
        return new Scope(previous);
    }

    private sealed class Scope(IProgress<string>? previous) : IDisposable
    {
        private bool _disposed;

        public void Dispose()
        {
            if (!_disposed)
            {
                Sink.Value = previous;
                _disposed = true;
            }
        }
    }
}
