namespace Entanglement.NN;

/// <summary>
/// A NaN or infinity appeared in training: names the training step and the parameter (dotted name, i.e. the
/// layer) or the loss where it was first seen, instead of letting it propagate silently.
/// </summary>
public sealed class NonFiniteException : Exception
{
    /// <summary>Creates the exception for <paramref name="name"/>'s <paramref name="what"/> at <paramref name="step"/>.</summary>
    public NonFiniteException(long step, string name, string what)
        : base($"Non-finite {what} of '{name}' at training step {step}.")
    {
        Step = step;
        Name = name;
        What = what;
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public NonFiniteException()
        : this(0, "?", "value")
    {
    }

    /// <summary>Creates the exception with a plain message.</summary>
    public NonFiniteException(string message)
        : base(message)
    {
        Name = "?";
        What = "value";
    }

    /// <summary>Creates the exception with a plain message and an inner exception.</summary>
    public NonFiniteException(string message, Exception innerException)
        : base(message, innerException)
    {
        Name = "?";
        What = "value";
    }

    /// <summary>The training step (optimizer step count) at which the check failed.</summary>
    public long Step { get; }

    /// <summary>Dotted name of the parameter (e.g. <c>features.0.weight</c>), or <c>loss</c>.</summary>
    public string Name { get; }

    /// <summary>What was non-finite: <c>value</c>, <c>gradient</c> or <c>loss</c>.</summary>
    public string What { get; }

    /// <summary>Throws when <paramref name="loss"/> holds a NaN or infinity.</summary>
    public static void ThrowIfNonFinite(Tensors.Tensor loss, long step)
    {
        ArgumentNullException.ThrowIfNull(loss);
        if (!Module.IsFinite(loss.Data))
        {
            throw new NonFiniteException(step, "loss", "value");
        }
    }
}
