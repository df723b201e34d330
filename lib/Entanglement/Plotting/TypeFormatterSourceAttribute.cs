namespace Entanglement.Plotting;

/// <summary>
/// Names the formatter source of a type. .NET Interactive (Polyglot Notebooks) recognises an attribute by this
/// name in any namespace, reads <see cref="FormatterSourceType"/> and <see cref="PreferredMimeTypes"/>, creates the
/// source and calls its <c>CreateTypeFormatters()</c>: so figures and tables render as HTML in a notebook without
/// the library referencing a notebook package.
/// </summary>
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
internal sealed class TypeFormatterSourceAttribute : Attribute
{
    /// <summary>Points at <paramref name="formatterSourceType"/>.</summary>
    public TypeFormatterSourceAttribute(Type formatterSourceType)
    {
        ArgumentNullException.ThrowIfNull(formatterSourceType);
        FormatterSourceType = formatterSourceType;
    }

    /// <summary>The class with a parameterless constructor and <c>CreateTypeFormatters()</c>.</summary>
    public Type FormatterSourceType { get; }

    /// <summary>MIME types the front-end should prefer, in order.</summary>
    public string[] PreferredMimeTypes { get; set; } = [];
}
