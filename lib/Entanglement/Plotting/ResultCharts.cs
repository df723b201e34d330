using System.Globalization;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Toy;

namespace Entanglement.Plotting;

/// <summary>The workbook's charts of experiment results; every caption states the profile, seeds and settings.</summary>
public static class ResultCharts
{
    /// <summary>Upstream and downstream test loss over the swept knob (the paper's Figure 4(a)–(c)), mean ± sd over seeds.</summary>
    public static Figure UpstreamVsDownstream(SweepResult result, string title)
    {
        ArgumentNullException.ThrowIfNull(result);
        var x = result.KnobValues;
        return Charts.UpstreamVsDownstream(
            Band($"upstream v: {result.UpstreamLoss}", x, result.UpstreamSummary),
            Band($"downstream w: {result.DownstreamLoss}", x, result.DownstreamSummary),
            title, $"{result.Knob}: {result.KnobDescription}", Caption(result),
            $"upstream {result.UpstreamLoss}", $"downstream {result.DownstreamLoss}");
    }

    /// <summary>
    /// The paper's Figure 4(d): the retrained downstream's error for every pair of upstream noise levels, the axes
    /// labelled with the noise level and the upstreams' mean test errors.
    /// </summary>
    public static Figure AntiCorrelatedHeatmap(AntiCorrelatedResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var p = result.Config.P;
        var u = result.MeanUError;
        var v = result.MeanVError;
        var mean = result.MeanDownstream;
        var z = Enumerable.Range(0, p.Count).Select(b => (IReadOnlyList<double>)[.. Enumerable.Range(0, p.Count).Select(a => mean[a, b])]).ToArray();
        string Label(string name, int k, double[] error) =>
            string.Create(CultureInfo.InvariantCulture, $"p={p[k]:0.##} ({name} err {error[k]:0.000})");
        return Charts.Heatmap(z,
            Values.Of([.. Enumerable.Range(0, p.Count).Select(k => Label("u", k, u))]),
            Values.Of([.. Enumerable.Range(0, p.Count).Select(k => Label("v", k, v))]),
            "Figure 4(d): downstream error over the two upstreams' noise",
            "upstream u ({1,6} vs 7): noise level and test error",
            "upstream v (1 vs {6,7}): noise level and test error",
            "w error", $"{result.ImproveU.Provenance}; {result.ImproveU.Settings}");
    }

    /// <summary>The paper's Figure 2: targets, v's and v′'s predictions, coloured by class, with the retrained linear w.</summary>
    public static Figure ToyHypothesisSpace(ToyHypothesisSpaceMismatch.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var labels = result.Classes.Select(c => c ? 1 : 0).ToArray();
        string[] names = ["class 0 (x₁ ≤ 0)", "class 1 (x₁ > 0)"];
        Figure Panel(double[][] points, string title) => Charts.ScatterByClass(
            [.. points.Select(q => q[0])], [.. points.Select(q => q[1])], labels, title, "panel", names, "ŷ₁", "ŷ₂");
        var sweep = result.Sweep;
        var errorV = sweep.DownstreamSummary[0].Mean;
        var errorVPrime = sweep.DownstreamSummary[^1].Mean;
        return Charts.SideBySide(
            [
                Panel(result.Targets, "ground-truth targets"),
                Panel(result.PredictionsV, string.Create(CultureInfo.InvariantCulture, $"v (degree {sweep.KnobValues[0]}): w error {errorV:0.000}")),
                Panel(result.PredictionsVPrime, string.Create(CultureInfo.InvariantCulture, $"v′ (degree {sweep.KnobValues[^1]}): w′ error {errorVPrime:0.000}")),
            ],
            "Figure 2: a better upstream regressor, a worse linear downstream", Caption(sweep));
    }

    /// <summary>The paper's Figure 3: the points by group, and the retrained w's answers with u and with u′.</summary>
    public static Figure ToyAntiCorrelated(ToyAntiCorrelatedErrors.Result result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var x = result.Points.Select(q => q[0]).ToArray();
        var y = result.Points.Select(q => q[1]).ToArray();
        var groups = result.Groups.Select(g => g == 1 ? 0 : g == 7 ? 1 : 2).ToArray();
        string[] answers = ["w says 6", "w says {1, 7}"];
        return Charts.SideBySide(
            [
                Charts.ScatterByClass(x, y, groups, "groups 1, 7 and 6", "panel", ["group 1", "group 7", "group 6"]),
                Charts.ScatterByClass(x, y, [.. result.PredictionsW.Select(b => b ? 1 : 0)], "w with u (anti-correlated errors)", "panel", answers),
                Charts.ScatterByClass(x, y, [.. result.PredictionsWPrime.Select(b => b ? 1 : 0)], "w′ with the improved u′", "panel", answers),
            ],
            "Figure 3: fixing one upstream breaks the downstream", Caption(result.Sweep));
    }

    /// <summary>Per knob value: upstream and downstream loss, mean ± sd over seeds, with the provenance as caption.</summary>
    public static Table SweepTable(SweepResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = Table.Of(result.Knob, $"upstream {result.UpstreamLoss} (mean)", "sd", $"downstream {result.DownstreamLoss} (mean)", "sd")
            .WithCaption(Caption(result));
        for (var p = 0; p < result.KnobValues.Count; p++)
        {
            table = table.WithRow(result.KnobValues[p], result.UpstreamSummary[p].Mean, result.UpstreamSummary[p].StandardDeviation,
                result.DownstreamSummary[p].Mean, result.DownstreamSummary[p].StandardDeviation);
        }

        return table;
    }

    private static string Caption(SweepShape shape) => $"{shape.Provenance}. {shape.Settings}";

    private static BandSeries Band(string name, IReadOnlyList<double> x, IReadOnlyList<Systems.SampleSummary> summary) =>
        new(name, x, [.. summary.Select(s => s.Mean)], [.. summary.Select(s => double.IsNaN(s.StandardDeviation) ? 0 : s.StandardDeviation)]);
}
