using System.Collections.Immutable;
using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>
/// An immutable plotly.js figure: traces, layout and config, built fluently
/// (<c>Figure.Of(trace).WithTitle("Figure 4(a)").WithXAxis("r")</c>). Notebook front-ends render it as HTML through
/// its convention-based formatter; reports call <see cref="ToHtml()"/>.
/// </summary>
[TypeFormatterSource(typeof(PlottingFormatterSource), PreferredMimeTypes = ["text/html"])]
public sealed record Figure
{
    /// <summary>The traces, drawn in order (a band's lower edge before the upper edge that fills to it).</summary>
    [JsonPropertyName("data")]
    public ImmutableArray<Trace> Data { get; init; } = [];

    /// <summary>The layout.</summary>
    [JsonPropertyName("layout")]
    public Layout Layout { get; init; } = new();

    /// <summary>The plot configuration.</summary>
    [JsonPropertyName("config")]
    public Config Config { get; init; } = Config.Default;

    /// <summary>A figure of the given traces with an empty layout.</summary>
    public static Figure Of(params Trace[] traces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        return new Figure().WithTraces(traces);
    }

    /// <summary>A figure of the given traces with an empty layout.</summary>
    public static Figure Of(IEnumerable<Trace> traces) => new Figure().WithTraces(traces);

    /// <summary>This figure with <paramref name="traces"/> appended.</summary>
    public Figure WithTraces(IEnumerable<Trace> traces)
    {
        ArgumentNullException.ThrowIfNull(traces);
        var list = traces.ToList();
        if (list.Any(t => t is null))
        {
            throw new ArgumentException("A figure's traces cannot be null.", nameof(traces));
        }

        return this with { Data = Data.AddRange(list) };
    }

    /// <summary>This figure with a title and, optionally, a subtitle (profile, seeds).</summary>
    public Figure WithTitle(string title, string? subtitle = null)
    {
        ArgumentNullException.ThrowIfNull(title);
        var value = new Title(title) { Subtitle = subtitle is null ? null : new Subtitle(subtitle) };
        return WithLayout(Layout with { Title = value, Margin = Layout.Margin ?? DefaultMargin(subtitle) });
    }

    /// <summary>This figure with the first x axis titled <paramref name="title"/>.</summary>
    public Figure WithXAxis(string title, AxisType? type = null) => WithAxis(AxisId.X, Merge(AxisId.X, title, type));

    /// <summary>This figure with the first y axis titled <paramref name="title"/>.</summary>
    public Figure WithYAxis(string title, AxisType? type = null) => WithAxis(AxisId.Y, Merge(AxisId.Y, title, type));

    /// <summary>
    /// This figure with a second y axis on the right, overlaying the first; traces drawn against it set
    /// <c>YAxis = AxisId.Y2</c>.
    /// </summary>
    public Figure WithSecondYAxis(string title, AxisType? type = null) =>
        WithAxis(AxisId.Y2, Merge(AxisId.Y2, title, type) with
        {
            Overlaying = AxisId.Y,
            Side = AxisSide.Right,
            ShowGrid = false,
        });

    /// <summary>This figure with axis <paramref name="id"/> replaced by <paramref name="axis"/>.</summary>
    public Figure WithAxis(AxisId id, Axis axis) => WithLayout(Layout.WithAxis(id, axis));

    /// <summary>This figure with the legend placed as given.</summary>
    public Figure WithLegend(Legend legend)
    {
        ArgumentNullException.ThrowIfNull(legend);
        return WithLayout(Layout with { Legend = legend });
    }

    /// <summary>This figure with a fixed size in pixels.</summary>
    public Figure WithSize(int width, int height)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(width);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(height);
        return WithLayout(Layout with { Width = width, Height = height });
    }

    /// <summary>This figure with <paramref name="annotation"/> added.</summary>
    public Figure WithAnnotation(Annotation annotation) => WithLayout(Layout.WithAnnotation(annotation));

    /// <summary>This figure with another layout.</summary>
    public Figure WithLayout(Layout layout)
    {
        ArgumentNullException.ThrowIfNull(layout);
        return this with { Layout = layout };
    }

    /// <summary>This figure with its layout changed by <paramref name="change"/> (<c>l => l with { ... }</c>).</summary>
    public Figure WithLayout(Func<Layout, Layout> change)
    {
        ArgumentNullException.ThrowIfNull(change);
        return WithLayout(change(Layout));
    }

    /// <summary>This figure with another plot configuration.</summary>
    public Figure WithConfig(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return this with { Config = config };
    }

    /// <summary>The plotly.js figure JSON (see <see cref="FigureJson.Serialize"/>).</summary>
    public string ToJson(bool indented = false) => FigureJson.Serialize(this, indented);

    /// <summary>
    /// An HTML fragment that draws the figure, loading plotly.js from its CDN only if the page has not loaded it
    /// already; the element id is derived from the figure's JSON, so the same figure gives the same HTML.
    /// </summary>
    public string ToHtml() => FigureHtml.Fragment(this, FigureHtml.ContentId(this));

    /// <summary>
    /// A short plain-text stand-in for the chart (front-ends that show no HTML, and the text beside a notebook's HTML
    /// output): the title, subtitle and trace names, e.g. "Figure: Figure 4(a) (quick, seeds 0–4); traces: u, u′".
    /// </summary>
    public string ToText()
    {
        var title = Layout.Title is { } t ? PlainText(t.Text) + (t.Subtitle is { } s ? $" ({PlainText(s.Text)})" : "") : "untitled";
        var names = Data.Select((trace, i) => trace.Name ?? $"{trace.Type} {i + 1}").Distinct().ToList();
        return names.Count == 0 ? $"Figure: {title}; no traces" : $"Figure: {title}; traces: {string.Join(", ", names)}";
    }

    private static string PlainText(string html) =>
        System.Text.RegularExpressions.Regex.Replace(html.Replace("<br>", " ", StringComparison.OrdinalIgnoreCase), "<[^>]*>", "").Trim();

    /// <summary>As <see cref="ToHtml()"/>, with the given element id (<c>fig-02-1</c>).</summary>
    public string ToHtml(string elementId) => FigureHtml.Fragment(this, elementId);

    private Axis Merge(AxisId id, string title, AxisType? type)
    {
        ArgumentNullException.ThrowIfNull(title);
        var axis = Layout.Axes.GetValueOrDefault(id) ?? new Axis();
        return axis with { Title = new Title(title), Type = type ?? axis.Type };
    }

    // A subtitle needs room under the title: plotly.js does not grow the top margin for it.
    private static Margin? DefaultMargin(string? subtitle) => subtitle is null ? null : new Margin { Top = 90 };
}
