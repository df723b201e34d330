using Entanglement.Plotting;

namespace Entanglement.Tests.Plotting;

/// <summary>Small hand-written inputs shared by the chart tests.</summary>
internal static class SampleFigures
{
    public const string Caption = "profile quick · seeds 0, 1, 2";

    public static BandSeries Upstream { get; } = new("upstream", [0.0, 0.5, 1.0], [0.30, 0.20, 0.10], [0.02, 0.01, 0.03]);

    public static BandSeries Downstream { get; } = new("downstream", [0.0, 0.5, 1.0], [0.40, 0.45, 0.55], [0.05, 0.04, 0.06]);

    public static Figure MeanBand() =>
        Charts.MeanBand([Upstream, Downstream], "Mean ± sd", "r", "test loss", Caption);

    public static Figure UpstreamVsDownstream() =>
        Charts.UpstreamVsDownstream(Upstream, Downstream, "Figure 4(a)", "r", Caption);

    public static Figure Heatmap() =>
        Charts.Heatmap(
            [[0.1, 0.2, double.NaN], [0.4, 0.5, 0.6]],
            new[] { 1, 2, 4 },
            new[] { "small", "large" },
            "Figure 4(d)",
            "classes",
            "width",
            "Δ downstream loss",
            Caption,
            zMin: 0,
            zMax: 1);

    public static Figure GroupedBars() =>
        Charts.GroupedBars(
            ["linear", "conv"],
            [new BarSeries("before", [0.5, 0.25], [0.05, 0.02]), new BarSeries("after", [0.75, 0.125])],
            "Bars",
            "model",
            "error",
            Caption);

    public static Figure ScatterByClass() =>
        Charts.ScatterByClass([0.0, 1.0, 2.0, 3.0], [1.0, 0.0, -1.0, 0.5], [1, 0, 1, 0], "Figure 2", Caption, ["a", "b"]);
}
