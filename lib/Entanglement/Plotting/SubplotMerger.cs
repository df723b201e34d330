using System.Collections.Immutable;

namespace Entanglement.Plotting;

/// <summary>Places whole figures side by side in one figure, renumbering their axes (plotly.js domain/anchor).</summary>
internal static class SubplotMerger
{
    private const double Gap = 0.06;
    private const double GapWithRightAxis = 0.2;

    /// <summary>See <see cref="Charts.SideBySide"/>.</summary>
    public static Figure SideBySide(IReadOnlyList<Figure> panels, string title, string caption)
    {
        ArgumentNullException.ThrowIfNull(panels);
        if (panels.Count == 0 || panels.Any(p => p is null))
        {
            throw new ArgumentException("SideBySide needs at least one panel and no null panels.", nameof(panels));
        }

        var hasRightAxis = panels.Any(p => p.Layout.Axes.Values.Any(a => a.Side == AxisSide.Right));
        var gap = hasRightAxis ? GapWithRightAxis : Gap;
        var layout = new Layout { Legend = panels[0].Layout.Legend, BarMode = panels[0].Layout.BarMode };
        var traces = new List<Trace>();
        var shownNames = new HashSet<string>(StringComparer.Ordinal);
        int nextX = 1, nextY = 1;
        for (var p = 0; p < panels.Count; p++)
        {
            var panel = panels[p];
            var map = Renumber(panel, ref nextX, ref nextY);
            var start = (double)p / panels.Count + (p > 0 ? gap / 2 : 0);
            var end = (double)(p + 1) / panels.Count - (p < panels.Count - 1 ? gap / 2 : 0);
            foreach (var (oldId, newId) in map)
            {
                var axis = panel.Layout.Axes.GetValueOrDefault(oldId) ?? new Axis();
                var partner = oldId.Dimension == 'x' ? map.GetValueOrDefault(AxisId.Y) : map.GetValueOrDefault(AxisId.X);
                layout = layout.WithAxis(newId, axis with
                {
                    Anchor = partner == default ? axis.Anchor : partner,
                    Overlaying = Remap(axis.Overlaying, map),
                    ScaleAnchor = Remap(axis.ScaleAnchor, map),
                    Domain = oldId.Dimension == 'x' ? [Math.Round(start, 6), Math.Round(end, 6)] : axis.Domain,
                });
            }

            foreach (var trace in panel.Data)
            {
                traces.Add(Relabel(trace, map, shownNames));
            }

            if (panel.Layout.Title is { } panelTitle)
            {
                layout = layout.WithAnnotation(new Annotation(panelTitle.Text)
                {
                    X = Math.Round((start + end) / 2, 6),
                    Y = 1.0,
                    XRef = Annotation.Paper,
                    YRef = Annotation.Paper,
                    XAnchor = Anchor.Center,
                    YAnchor = Anchor.Bottom,
                    ShowArrow = false,
                });
            }
        }

        return new Figure { Data = [.. traces], Layout = layout }.WithTitle(title, caption);
    }

    private static ImmutableSortedDictionary<AxisId, AxisId> Renumber(Figure panel, ref int nextX, ref int nextY)
    {
        var used = new SortedSet<AxisId>(panel.Layout.Axes.Keys) { AxisId.X, AxisId.Y };
        foreach (var trace in panel.Data)
        {
            used.Add(trace.XAxis ?? AxisId.X);
            used.Add(trace.YAxis ?? AxisId.Y);
        }

        var map = ImmutableSortedDictionary.CreateBuilder<AxisId, AxisId>();
        foreach (var id in used.Where(i => i.Dimension == 'x'))
        {
            map[id] = AxisId.OfX(nextX++);
        }

        foreach (var id in used.Where(i => i.Dimension == 'y'))
        {
            map[id] = AxisId.OfY(nextY++);
        }

        return map.ToImmutable();
    }

    private static AxisId? Remap(AxisId? id, ImmutableSortedDictionary<AxisId, AxisId> map) =>
        id is { } value && map.TryGetValue(value, out var mapped) ? mapped : id;

    private static Trace Relabel(Trace trace, ImmutableSortedDictionary<AxisId, AxisId> map, HashSet<string> shownNames)
    {
        var xAxis = map[trace.XAxis ?? AxisId.X];
        var yAxis = map[trace.YAxis ?? AxisId.Y];
        var relabelled = trace with
        {
            XAxis = xAxis == AxisId.X ? null : xAxis,
            YAxis = yAxis == AxisId.Y ? null : yAxis,
        };
        if (trace.Name is null || trace.ShowLegend == false)
        {
            return relabelled;
        }

        var group = trace.LegendGroup ?? trace.Name;
        return shownNames.Add(group)
            ? relabelled with { LegendGroup = group }
            : relabelled with { LegendGroup = group, ShowLegend = false };
    }
}
