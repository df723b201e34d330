using System.Globalization;
using Entanglement.Mitigations;

namespace Entanglement.Plotting;

/// <summary>Figures and tables of a mitigation study.</summary>
public static class MitigationCharts
{
    /// <summary>
    /// One experiment: the downstream's change ℓ_w(after) − ℓ_w(before) per mitigation, without it (the unmitigated
    /// update on the same seeds) and with it, mean with one standard deviation over seeds; mitigations that do not apply are left out.
    /// </summary>
    public static Figure DownstreamChange(MitigationResult result, string experiment)
    {
        ArgumentNullException.ThrowIfNull(result);
        var rows = result.Of(experiment).Where(c => c.Mitigation != Mitigation.None && c.Change is not null).ToArray();
        var categories = rows.Select(c => Name(c.Mitigation)).ToArray();
        static double Sd(double sd) => double.IsFinite(sd) ? sd : 0;
        var without = new BarSeries("without the mitigation", [.. rows.Select(c => c.Change?.Before.Mean ?? double.NaN)],
            [.. rows.Select(c => Sd(c.Change?.Before.StandardDeviation ?? 0))]);
        var with = new BarSeries("with the mitigation", [.. rows.Select(c => c.Change?.After.Mean ?? double.NaN)],
            [.. rows.Select(c => Sd(c.Change?.After.StandardDeviation ?? 0))]);
        var skipped = result.Of(experiment).Where(c => c.NotApplicable is not null).Select(c => Name(c.Mitigation)).ToArray();
        var caption = $"Mean ± sd over seeds; {result.Provenance}."
            + (skipped.Length == 0 ? string.Empty : $" Not applicable here: {string.Join(", ", skipped)}.");
        return Charts.GroupedBars(categories, [without, with], $"{experiment}: downstream change with and without each mitigation",
            "mitigation", "Δ downstream loss (after − before)", caption);
    }

    /// <summary>The verdict table of one experiment: every measured quantity per mitigation, computed from the runs.</summary>
    public static Table VerdictTable(MitigationResult result, string experiment)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = Table.Of("mitigation", "Δ downstream without", "Δ downstream with", "Welch p", "Definition 2.1",
                "upstream cost", "downstream NFR", "downstream PFR", "upstream NFR", "effect")
            .WithCaption($"{result.Provenance}. Δ = after − before, mean over seeds; upstream cost = the improved upstream's own loss with − without.");
        foreach (var c in result.Of(experiment))
        {
            if (c.Change is not { } change || c.Verdict is not { } verdict || c.UpstreamCost is not { } cost)
            {
                table = table.WithRow(Name(c.Mitigation), "", "", "", "", "", "", "", "", c.Effect);
                continue;
            }

            var holds = verdict.IsSelfDefeating ? verdict.IsSignificant ? "holds (significant)" : "holds (not significant)" : "does not hold";
            table = table.WithRow(Name(c.Mitigation), change.Before.Mean, change.After.Mean,
                c.Mitigation == Mitigation.None ? "" : P(change.PValue), holds, cost.Difference, c.NegativeFlipRate, c.PositiveFlipRate,
                c.UpstreamNegativeFlipRate, c.Effect);
        }

        return table;
    }

    private static string P(double p) => double.IsNaN(p) ? "undefined" : p.ToString("G2", CultureInfo.InvariantCulture);

    private static string Name(Mitigation m) => m switch
    {
        Mitigation.None => "none",
        Mitigation.Calibration => "calibration",
        Mitigation.Whitening => "whitening",
        Mitigation.Compatibility => "compatible update",
        Mitigation.EndToEnd => "end-to-end",
        _ => "wider downstream",
    };
}
