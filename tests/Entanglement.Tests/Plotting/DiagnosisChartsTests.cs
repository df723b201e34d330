using Entanglement.Diagnostics;
using Entanglement.Plotting;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Toy;

namespace Entanglement.Tests.Plotting;

public sealed class DiagnosisChartsTests
{
    private static WhyReport Report() =>
        WhyReport.Of(ToyHypothesisSpaceMismatch.Run(ToyHypothesisSpaceMismatch.Config.For(Profile.Smoke)).Outcomes);

    [Fact]
    public void The_stacked_parts_add_up_to_the_downstream_error_at_every_knob_value()
    {
        var report = Report();
        var figure = DiagnosisCharts.Decomposition(report);

        Assert.Equal(BarMode.Relative, figure.Layout.BarMode);
        var bars = figure.Data.Cast<Bar>().ToArray();
        Assert.Equal(DecompositionReport.Parts, bars.Select(b => b.Name));
        var total = report.Decomposition.Mean("downstream");
        for (var p = 0; p < total.Length; p++)
        {
            Assert.Equal(total[p], bars.Sum(b => b.Y!.Numbers[p]), 12);
        }
    }

    [Fact]
    public void The_flip_chart_has_one_bar_per_vertex_and_the_evidence_table_one_row_per_quantity()
    {
        var report = Report();

        var flips = DiagnosisCharts.Flips(report);
        var evidence = DiagnosisCharts.Evidence(report);

        Assert.All(flips.Data.Cast<Bar>(), b => Assert.Equal(["upstream", "downstream"], b.X!.Labels.ToArray()));
        Assert.Equal(report.Diagnosis.Evidence.Count, evidence.Rows.Length);
        Assert.Contains(report.Diagnosis.TypeName, evidence.Caption, StringComparison.Ordinal);
        Assert.Contains("\"barmode\":\"relative\"", DiagnosisCharts.Decomposition(report).ToJson(), StringComparison.Ordinal);
    }
}
