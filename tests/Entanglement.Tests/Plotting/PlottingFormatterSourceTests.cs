using System.Reflection;
using Entanglement.Plotting;

namespace Entanglement.Tests.Plotting;

/// <summary>Discovers formatters the way .NET Interactive does by convention: by attribute name and reflection.</summary>
public sealed class PlottingFormatterSourceTests
{
    [Fact]
    public void Figure_renders_as_html_through_the_convention_formatter()
    {
        var figure = SampleFigures.ScatterByClass();

        Assert.Equal(["text/html"], PreferredMimeTypes(typeof(Figure)));
        Assert.Equal(figure.ToHtml(), Format(figure, "text/html"));
        Assert.Equal(figure.ToText(), Format(figure, "text/plain"));
    }

    [Fact]
    public void A_figure_as_plain_text_is_its_title_and_trace_names_not_its_data()
    {
        var figure = Figure.Of(
                new Scatter { Name = "u", X = Values.Of(Enumerable.Range(0, 500).Select(i => (double)i)) },
                new Scatter { Name = "u′" },
                new Scatter())
            .WithTitle("Figure 4(a)<br><sub>upstream</sub>", "quick, seeds 0–4");

        Assert.Equal("Figure: Figure 4(a) upstream (quick, seeds 0–4); traces: u, u′, scatter 3", figure.ToText());
        Assert.Equal("Figure: untitled; no traces", new Figure().ToText());
    }

    [Fact]
    public void Table_renders_as_html_and_plain_text()
    {
        var table = Table.Of("a").WithRow(1.0);

        Assert.Equal(table.ToHtml(), Format(table, "text/html"));
        Assert.Equal(table.ToText(), Format(table, "text/plain"));
    }

    private static Attribute Attribute(Type type) =>
        type.GetCustomAttributes(inherit: true).OfType<Attribute>()
            .Single(a => a.GetType().Name == "TypeFormatterSourceAttribute");

    private static string[] PreferredMimeTypes(Type type)
    {
        var attribute = Attribute(type);
        return (string[])(attribute.GetType().GetProperty("PreferredMimeTypes")?.GetValue(attribute) ?? Array.Empty<string>());
    }

    private static string Format(object value, string mimeType)
    {
        var attribute = Attribute(value.GetType());
        var sourceType = (Type)(attribute.GetType().GetProperty("FormatterSourceType")?.GetValue(attribute)
            ?? throw new InvalidOperationException("no FormatterSourceType"));
        var source = Activator.CreateInstance(sourceType, nonPublic: true)
            ?? throw new InvalidOperationException("no source");
        var formatters = (IEnumerable<object>)(sourceType.GetMethod("CreateTypeFormatters")?.Invoke(source, null)
            ?? throw new InvalidOperationException("no CreateTypeFormatters"));
        var formatter = formatters.Single(f =>
            (string?)f.GetType().GetProperty("MimeType")?.GetValue(f) == mimeType
            && ((Type?)f.GetType().GetProperty("Type")?.GetValue(f))?.IsInstanceOfType(value) == true);
        var format = formatter.GetType().GetMethod("Format", BindingFlags.Public | BindingFlags.Instance, [typeof(object), typeof(TextWriter)])
            ?? throw new InvalidOperationException("no Format(object, TextWriter)");
        using var writer = new StringWriter();
        Assert.True((bool)(format.Invoke(formatter, [value, writer]) ?? false));
        return writer.ToString();
    }
}
