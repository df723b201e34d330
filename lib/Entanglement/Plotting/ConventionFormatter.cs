namespace Entanglement.Plotting;

/// <summary>
/// A formatter in .NET Interactive's convention shape: <c>Type</c>, <c>MimeType</c> and
/// <c>bool Format(object instance, TextWriter writer)</c>, found by reflection, no interface needed.
/// </summary>
internal sealed class ConventionFormatter
{
    private readonly Func<object, string> _render;

    /// <summary>Formats instances of <paramref name="type"/> as <paramref name="mimeType"/>.</summary>
    public ConventionFormatter(Type type, string mimeType, Func<object, string> render)
    {
        ArgumentNullException.ThrowIfNull(type);
        ArgumentException.ThrowIfNullOrWhiteSpace(mimeType);
        ArgumentNullException.ThrowIfNull(render);
        Type = type;
        MimeType = mimeType;
        _render = render;
    }

    /// <summary>The type formatted.</summary>
    public Type Type { get; }

    /// <summary>The MIME type produced.</summary>
    public string MimeType { get; }

    /// <summary>Writes <paramref name="instance"/>; false when it is not a <see cref="Type"/>.</summary>
    public bool Format(object instance, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (instance is null || !Type.IsInstanceOfType(instance))
        {
            return false;
        }

        writer.Write(_render(instance));
        return true;
    }
}
