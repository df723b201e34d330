using System.Globalization;
using Entanglement.Diagnostics;

namespace Entanglement.Plotting;

/// <summary>The figures and tables of a "Why" section: flips, the error decomposition over the knob, the diagnosis.</summary>
public static class DiagnosisCharts
{
    /// <summary>Negative and positive flip rates of every vertex (mean ± sd over seeds), first to last knob value.</summary>
    public static Figure Flips(WhyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var f = report.Flips.Overall;
        string[] vertices = [.. f.Select(s => s.Vertex)];
        return Charts.GroupedBars(vertices,
            [
                new BarSeries("negative flips (right → wrong)", [.. f.Select(s => s.NegativeFlipRate.Mean)], [.. f.Select(s => Sd(s.NegativeFlipRate.StandardDeviation))]),
                new BarSeries("positive flips (wrong → right)", [.. f.Select(s => s.PositiveFlipRate.Mean)], [.. f.Select(s => Sd(s.PositiveFlipRate.StandardDeviation))]),
            ],
            $"{report.Sweep.Experiment}: flips from {report.Sweep.Knob} = {report.Sweep.FormatKnob(report.Flips.From)} to {report.Sweep.FormatKnob(report.Flips.To)}",
            "vertex", "share of test examples", Caption(report));
    }

    /// <summary>The retrained downstream's error as stacked information, approximation and estimation parts over the knob.</summary>
    public static Figure Decomposition(WhyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var d = report.Decomposition;
        string[] knob = [.. Enumerable.Range(0, report.Sweep.KnobValues.Count).Select(report.Sweep.FormatKnob)];
        var traces = DecompositionReport.Parts.Select((part, i) => (Trace)new Bar
        {
            Name = part,
            X = Values.Of(knob),
            Y = Values.Of(d.Mean(part)),
            Marker = new Marker { Color = Palette.Color(i) },
        });
        return Figure.Of(traces)
            .WithTitle($"{report.Sweep.Experiment}: where the downstream's error comes from", Caption(report) +
                "; information = k-NN error on the upstream outputs, approximation = best in the downstream's class − that, estimation = trained − best in class")
            .WithXAxis(report.Sweep.Knob, AxisType.Category)
            .WithYAxis("downstream error")
            .WithLayout(l => l with { BarMode = BarMode.Relative });
    }

    /// <summary>The diagnosis's evidence: each measured quantity before and after, Δ, p-value, and whether it decided the verdict.</summary>
    public static Table Evidence(WhyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var diagnosis = report.Diagnosis;
        return Table.From(diagnosis.Evidence,
                (new TableColumn("quantity"), r => r.Quantity),
                (new TableColumn("before (mean)", "0.0000"), r => r.Test.Before.Mean),
                (new TableColumn("sd", "0.0000"), r => r.Test.Before.StandardDeviation),
                (new TableColumn("after (mean)", "0.0000"), r => r.Test.After.Mean),
                (new TableColumn("sd", "0.0000"), r => r.Test.After.StandardDeviation),
                (new TableColumn("Δ", "+0.0000;-0.0000;0"), r => r.Test.Difference),
                (new TableColumn("Welch p", "G2"), r => r.Test.PValue),
                (new TableColumn("decides"), r => r.Supports ? "yes" : ""))
            .WithCaption(string.Create(CultureInfo.InvariantCulture,
                $"Diagnosis: {diagnosis.TypeName}. {diagnosis.Reason} Seeds {string.Join(", ", diagnosis.Seeds)}, α = {diagnosis.Alpha}."));
    }

    /// <summary>Per-class negative flip rates of every vertex (mean over seeds), for a closer look at where flips fall.</summary>
    public static Table FlipsByClass(WhyReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return Table.From(report.Flips.PerClass,
                (new TableColumn("vertex"), f => f.Vertex),
                (new TableColumn("class"), f => f.Class),
                (new TableColumn("NFR", "0.000"), f => f.NegativeFlipRate.Mean),
                (new TableColumn("PFR", "0.000"), f => f.PositiveFlipRate.Mean),
                (new TableColumn("BTC", "0.000"), f => f.Btc.Mean),
                (new TableColumn("BEC", "0.000"), f => f.Bec.Mean))
            .WithCaption($"Flips per class, {report.Sweep.Provenance}");
    }

    private static double Sd(double sd) => double.IsNaN(sd) ? 0 : sd;

    private static string Caption(WhyReport report) => report.Sweep.Provenance;
}
