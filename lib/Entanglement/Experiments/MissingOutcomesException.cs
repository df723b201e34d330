namespace Entanglement.Experiments;

/// <summary>The results store lacks the runs (or their per-example outcomes) a diagnosis needs; the message names the command to run.</summary>
public sealed class MissingOutcomesException : Exception
{
    public MissingOutcomesException()
    {
    }

    public MissingOutcomesException(string message)
        : base(message)
    {
    }

    public MissingOutcomesException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
