using System.Globalization;
using Entanglement.Experiments;
using Entanglement.Systems;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary>The per-experiment table of <c>workbook run</c>.</summary>
internal static class RunTables
{
    public static void Write(ExperimentOutcome outcome)
    {
        foreach (var sweep in outcome.Sweeps)
        {
            var table = new Table().AddColumn(Markup.Escape(sweep.Knob))
                .AddColumn(Markup.Escape($"upstream {sweep.UpstreamLoss}"))
                .AddColumn(Markup.Escape($"downstream {sweep.DownstreamLoss}"));
            table.Caption = new TableTitle(Markup.Escape($"{sweep.Provenance}; {sweep.Settings}"));
            for (var p = 0; p < sweep.KnobValues.Count; p++)
            {
                var up = sweep.UpstreamSummary[p];
                var down = sweep.DownstreamSummary[p];
                table.AddRow(Format(sweep.KnobValues[p]), MeanSd(up), MeanSd(down));
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(Markup.Escape(sweep.Summary));
        }

        if (outcome.Note is { } note)
        {
            AnsiConsole.MarkupLine(Markup.Escape(note));
        }
    }

    // One seed has no standard deviation: say so rather than print NaN.
    private static string MeanSd(SampleSummary summary) => double.IsFinite(summary.StandardDeviation)
        ? $"{Format(summary.Mean)} ± {Format(summary.StandardDeviation)}"
        : string.Create(CultureInfo.InvariantCulture, $"{Format(summary.Mean)} (sd undefined: {summary.Count} seed)");

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
