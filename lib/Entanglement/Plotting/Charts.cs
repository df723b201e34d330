using System.Globalization;

namespace Entanglement.Plotting;

/// <summary>
/// Chart factories that turn plain result arrays into figures: notebooks call these and never assemble traces.
/// Every factory takes a caption, shown as the subtitle, where callers state the profile and seeds.
/// </summary>
public static class Charts
{
    private const double BandOpacity = 0.2;

    /// <summary>
    /// Mean lines with shaded ± one standard deviation bands: per series a lower edge, an upper edge filled down to
    /// it (<c>fill: "tonexty"</c>), then the mean line, all in one legend group.
    /// </summary>
    public static Figure MeanBand(
        IEnumerable<BandSeries> series, string title, string xTitle, string yTitle, string caption,
        AxisType xType = AxisType.Linear, AxisType yType = AxisType.Linear)
    {
        ArgumentNullException.ThrowIfNull(series);
        var traces = new List<Trace>();
        var index = 0;
        foreach (var s in series)
        {
            traces.AddRange(Band(s, Palette.Color(index++), yAxis: null));
        }

        return Figure.Of(traces)
            .WithTitle(title, CheckCaption(caption))
            .WithXAxis(xTitle, xType)
            .WithYAxis(yTitle, yType)
            .WithLayout(l => l with { HoverMode = HoverMode.X });
    }

    /// <summary>
    /// Upstream and downstream test loss over a swept knob on two y axes, as the paper's Figure 4(a)–(c): upstream
    /// on the left axis, downstream on the right, each a mean line with ± one standard deviation error bars.
    /// </summary>
    public static Figure UpstreamVsDownstream(
        BandSeries upstream, BandSeries downstream, string title, string knobTitle, string caption,
        string upstreamTitle = "upstream test loss", string downstreamTitle = "downstream test loss",
        AxisType knobType = AxisType.Linear)
    {
        ArgumentNullException.ThrowIfNull(upstream);
        ArgumentNullException.ThrowIfNull(downstream);
        var up = MeanWithErrors(upstream, Palette.Color(0), Dash.Solid, yAxis: null);
        var down = MeanWithErrors(downstream, Palette.Color(1), Dash.Dash, AxisId.Y2);
        return Figure.Of(up, down)
            .WithTitle(title, CheckCaption(caption))
            .WithXAxis(knobTitle, knobType)
            .WithYAxis(upstreamTitle)
            .WithSecondYAxis(downstreamTitle)
            .WithLegend(Legend.Below)
            .WithLayout(l => l with { HoverMode = HoverMode.X });
    }

    /// <summary>
    /// A heat map with a titled colour bar, as the paper's Figure 4(d); <paramref name="z"/> is indexed
    /// [row (y)][column (x)], both axes are categorical (equal cells), and each cell shows its value in
    /// <paramref name="valueFormat"/> (d3-format).
    /// </summary>
    public static Figure Heatmap(
        IReadOnlyList<IReadOnlyList<double>> z, Values x, Values y, string title, string xTitle, string yTitle,
        string colorBarTitle, string caption, ColorScale? colorScale = null, double? zMin = null, double? zMax = null,
        string valueFormat = ".3f")
    {
        ArgumentNullException.ThrowIfNull(z);
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(colorBarTitle);
        if (z.Count != y.Count || z.Any(row => row is null || row.Count != x.Count))
        {
            throw new ArgumentException(
                $"Heatmap '{title}': z must have {y.Count} rows of {x.Count} values (rows along y).", nameof(z));
        }

        var trace = new Heatmap
        {
            Z = [.. z.Select(row => (IReadOnlyList<double>)[.. row])],
            X = x,
            Y = y,
            ColorScale = colorScale ?? ColorScale.Viridis,
            ColorBar = new ColorBar { Title = new Title(colorBarTitle) },
            ZMin = zMin,
            ZMax = zMax,
            TextTemplate = "%{z:" + valueFormat + "}",
            HoverTemplate = $"{Escape(xTitle)}: %{{x}}<br>{Escape(yTitle)}: %{{y}}<br>{Escape(colorBarTitle)}: %{{z:.4g}}<extra></extra>",
        };
        // Knob grids are rarely evenly spaced (1, 2, 4 classes): category axes give every cell the same size.
        return Figure.Of(trace)
            .WithTitle(title, CheckCaption(caption))
            .WithXAxis(xTitle, AxisType.Category)
            .WithYAxis(yTitle, AxisType.Category);
    }

    /// <summary>Grouped bars: one bar per series in each category, with optional error bars.</summary>
    public static Figure GroupedBars(
        IReadOnlyList<string> categories, IEnumerable<BarSeries> series, string title, string xTitle, string yTitle,
        string caption)
    {
        ArgumentNullException.ThrowIfNull(categories);
        ArgumentNullException.ThrowIfNull(series);
        var traces = new List<Trace>();
        var index = 0;
        foreach (var s in series)
        {
            ArgumentNullException.ThrowIfNull(s);
            if (s.Values.Count != categories.Count || (s.Errors is not null && s.Errors.Count != categories.Count))
            {
                throw new ArgumentException(
                    $"Bar series '{s.Name}': needs one value (and error) for each of {categories.Count} categories.",
                    nameof(series));
            }

            traces.Add(new Bar
            {
                Name = s.Name,
                X = Values.Of(categories),
                Y = Values.Of(s.Values),
                Marker = new Marker { Color = Palette.Color(index++) },
                ErrorY = s.Errors is null ? null : ErrorBars.FromData(s.Errors),
            });
        }

        return Figure.Of(traces)
            .WithTitle(title, CheckCaption(caption))
            .WithXAxis(xTitle, AxisType.Category)
            .WithYAxis(yTitle)
            .WithLayout(l => l with { BarMode = BarMode.Group });
    }

    /// <summary>
    /// A 2-D scatter plot coloured by class (the paper's toy Figures 2 and 3), one marker trace per class in
    /// ascending label order, with equal scales on both axes.
    /// </summary>
    public static Figure ScatterByClass(
        IReadOnlyList<double> x, IReadOnlyList<double> y, IReadOnlyList<int> labels, string title, string caption,
        IReadOnlyList<string>? classNames = null, string xTitle = "x₁", string yTitle = "x₂")
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(labels);
        if (x.Count != y.Count || x.Count != labels.Count)
        {
            throw new ArgumentException(
                $"ScatterByClass: {x.Count} x, {y.Count} y and {labels.Count} labels must match.", nameof(labels));
        }

        var traces = new List<Trace>();
        foreach (var label in labels.Distinct().Order())
        {
            if (label < 0 || (classNames is not null && label >= classNames.Count))
            {
                throw new ArgumentException($"ScatterByClass: label {label} has no class name.", nameof(labels));
            }

            var members = Enumerable.Range(0, labels.Count).Where(i => labels[i] == label).ToArray();
            var name = classNames?[label] ?? "class " + label.ToString(CultureInfo.InvariantCulture);
            traces.Add(Scatter.MarkersOf(Values.Of(members.Select(i => x[i])), Values.Of(members.Select(i => y[i])), name) with
            {
                Marker = new Marker { Color = Palette.Color(label), Size = 6, Opacity = 0.8 },
            });
        }

        return Figure.Of(traces)
            .WithTitle(title, CheckCaption(caption))
            .WithXAxis(xTitle)
            .WithAxis(AxisId.Y, Axis.Titled(yTitle) with { ScaleAnchor = AxisId.X, ScaleRatio = 1 });
    }

    /// <summary>
    /// The panels side by side in one figure: each panel keeps its traces and axes (a second y axis too), renumbered
    /// and placed in its own horizontal domain; panel titles become annotations above the panels, and a series
    /// name appears once in the legend.
    /// </summary>
    public static Figure SideBySide(IReadOnlyList<Figure> panels, string title, string caption) =>
        SubplotMerger.SideBySide(panels, title, CheckCaption(caption));

    private static IEnumerable<Trace> Band(BandSeries s, string color, AxisId? yAxis)
    {
        s.Validate();
        var lower = s.Mean.Select((m, i) => m - s.Sd[i]);
        var upper = s.Mean.Select((m, i) => m + s.Sd[i]);
        var edge = new Line { Width = 0, Color = color };
        yield return Scatter.LineOf(Values.Of(s.X), Values.Of(lower), s.Name + " − sd") with
        {
            YAxis = yAxis,
            Line = edge,
            ShowLegend = false,
            LegendGroup = s.Name,
            HoverInfo = "skip",
        };
        yield return Scatter.LineOf(Values.Of(s.X), Values.Of(upper), s.Name + " + sd") with
        {
            YAxis = yAxis,
            Line = edge,
            ShowLegend = false,
            LegendGroup = s.Name,
            HoverInfo = "skip",
            Fill = Fill.ToNextY,
            FillColor = Palette.Translucent(color, BandOpacity),
        };
        yield return MeanLine(s, color, Dash.Solid, yAxis);
    }

    private static Scatter MeanWithErrors(BandSeries s, string color, Dash dash, AxisId? yAxis)
    {
        s.Validate();
        return MeanLine(s, color, dash, yAxis) with { ErrorY = ErrorBars.FromData(s.Sd) with { Color = color } };
    }

    private static Scatter MeanLine(BandSeries s, string color, Dash dash, AxisId? yAxis) =>
        Scatter.LineOf(Values.Of(s.X), Values.Of(s.Mean), s.Name) with
        {
            Mode = ScatterMode.LinesMarkers,
            YAxis = yAxis,
            Line = new Line { Color = color, Dash = dash },
            LegendGroup = s.Name,
            Text = [.. s.Sd.Select(sd => sd.ToString("G3", CultureInfo.InvariantCulture))],
            HoverTemplate = $"{Escape(s.Name)}: %{{y:.4g}} ± %{{text}}<extra></extra>",
        };

    private static string CheckCaption(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        return caption;
    }

    // Hover templates read %{...} as placeholders, so braces in user labels become parentheses.
    private static string Escape(string text) => text.Replace("{", "(", StringComparison.Ordinal).Replace("}", ")", StringComparison.Ordinal);
}
