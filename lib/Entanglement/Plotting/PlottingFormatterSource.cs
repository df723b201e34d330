namespace Entanglement.Plotting;

/// <summary>The formatter source named by <see cref="Figure"/>'s and <see cref="Table"/>'s attribute.</summary>
internal sealed class PlottingFormatterSource
{
#pragma warning disable CA1822 // Instance methods: .NET Interactive creates the source and calls them by name.
    /// <summary>HTML and a short plain-text stand-in for figures; HTML and plain text for tables (the .NET Interactive convention's name).</summary>
    public IEnumerable<object> CreateTypeFormatters() =>
    [
        new ConventionFormatter(typeof(Figure), "text/html", f => ((Figure)f).ToHtml()),
        new ConventionFormatter(typeof(Figure), "text/plain", f => ((Figure)f).ToText()),
        new ConventionFormatter(typeof(Table), "text/html", t => ((Table)t).ToHtml()),
        new ConventionFormatter(typeof(Table), "text/plain", t => ((Table)t).ToText()),
    ];

    /// <summary>The same formatters, under the name some hosts probe for.</summary>
    public IEnumerable<object> GetTypeFormatters() => CreateTypeFormatters();
#pragma warning restore CA1822
}
