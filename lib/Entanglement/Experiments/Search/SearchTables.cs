using Entanglement.Plotting;

namespace Entanglement.Experiments.Search;

/// <summary>A search record as a table: one row per setting tried, in the order tried.</summary>
public static class SearchTables
{
    public static Table Trials(SearchRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var table = Table.Of("#", "setting", "knob", "upstream v → v′", "p", "downstream w → w′", "p", "verdict", "s")
            .WithCaption($"Search record (read from {SearchRecord.Folder}/{record.Experiment}.json, not computed in this run): "
                + $"profile {record.Profile}, seeds {SearchSeeds.Format(record.Seeds)}, {record.Trials.Count} setting(s) tried. "
                + $"Reproduce: {record.Command}");
        var i = 0;
        foreach (var t in record.Trials)
        {
            table = table.WithRow(++i, t.Candidate, FormattableString.Invariant($"{t.Knob} {t.KnobValues[0]:G4} → {t.KnobValues[^1]:G4}"),
                FormattableString.Invariant($"{t.UpstreamBefore:F3} → {t.UpstreamAfter:F3}"), P(t.UpstreamP),
                FormattableString.Invariant($"{t.DownstreamBefore:F3} → {t.DownstreamAfter:F3}"), P(t.DownstreamP),
                t.Verdict, Math.Round(t.Seconds));
        }

        return table;
    }

    private static string P(double? p) => p is { } value ? FormattableString.Invariant($"{value:G2}") : "undefined";
}
