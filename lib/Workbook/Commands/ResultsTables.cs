using System.Globalization;
using Entanglement.Experiments;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary>Spectre.Console tables of stored runs.</summary>
internal static class ResultsTables
{
    public static Table PerPoint(IReadOnlyList<StoredRun> runs)
    {
        var points = PointSummary.Of(runs);
        var lossNames = points.SelectMany(p => p.Losses.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().AddColumns("scenario", "profile", "point", "seeds");
        foreach (var name in lossNames)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name + " (mean ± sd)")).RightAligned());
        }

        foreach (var point in points)
        {
            var cells = new List<string> { point.Scenario, point.Profile, point.PointJson, Text(point.Seeds.Count) };
            cells.AddRange(lossNames.Select(n => point.Losses.TryGetValue(n, out var s)
                ? string.Create(CultureInfo.InvariantCulture, $"{s.Mean:F4} ± {s.StandardDeviation:F4}")
                : ""));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        return table;
    }

    public static Table PerRun(IReadOnlyList<StoredRun> runs)
    {
        var lossNames = runs.SelectMany(r => r.Losses.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var table = new Table().AddColumns("scenario", "profile", "point", "seed");
        foreach (var name in lossNames)
        {
            table.AddColumn(new TableColumn(Markup.Escape(name)).RightAligned());
        }

        table.AddColumn(new TableColumn("seconds").RightAligned());
        foreach (var run in runs)
        {
            var cells = new List<string> { run.Scenario, run.Profile, run.PointJson, Text(run.Seed) };
            cells.AddRange(lossNames.Select(n => run.Losses.TryGetValue(n, out var v) ? Text(v) : ""));
            cells.Add(run.Seconds.ToString("F1", CultureInfo.InvariantCulture));
            table.AddRow(cells.Select(Markup.Escape).ToArray());
        }

        return table;
    }

    private static string Text(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Text(double value) => value.ToString("F4", CultureInfo.InvariantCulture);
}
