using System.Globalization;
using System.Text.Json;
using Entanglement.Experiments;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary>The per-experiment table and JSON summary of <c>workbook run</c>.</summary>
internal static class RunTables
{
    public static JsonSerializerOptions JsonOptions { get; } = new() { WriteIndented = true };

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
                table.AddRow(Format(sweep.KnobValues[p]), $"{Format(up.Mean)} ± {Format(up.StandardDeviation)}",
                    $"{Format(down.Mean)} ± {Format(down.StandardDeviation)}");
            }

            AnsiConsole.Write(table);
            AnsiConsole.MarkupLine(Markup.Escape(sweep.Summary));
        }

        if (outcome.Note is { } note)
        {
            AnsiConsole.MarkupLine(Markup.Escape(note));
        }
    }

    public static object ToJson(ExperimentOutcome outcome) => new
    {
        experiment = outcome.Name,
        note = outcome.Note,
        sweeps = outcome.Sweeps.Select(s => new
        {
            title = s.Experiment,
            parameter = s.Knob,
            profile = s.Profile.Name,
            seeds = s.Seeds,
            settings = s.Settings,
            points = s.KnobValues.Select((v, p) => new
            {
                value = v,
                upstreamMean = s.UpstreamSummary[p].Mean,
                upstreamSd = s.UpstreamSummary[p].StandardDeviation,
                downstreamMean = s.DownstreamSummary[p].Mean,
                downstreamSd = s.DownstreamSummary[p].StandardDeviation,
            }),
            verdict = new
            {
                selfDefeating = s.Verdict.IsSelfDefeating,
                significant = s.Verdict.IsSignificant,
                upstreamChange = s.Verdict.Updated.Difference,
                upstreamPValue = s.Verdict.Updated.Test.PValue,
                downstreamChange = s.Verdict.Descendants[0].Difference,
                downstreamPValue = s.Verdict.Descendants[0].Test.PValue,
                summary = s.Summary,
            },
        }),
    };

    private static string Format(double value) => value.ToString("G4", CultureInfo.InvariantCulture);
}
