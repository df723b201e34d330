using System.Globalization;
using Entanglement.Scenarios.PseudoLidar;

namespace Entanglement.Plotting;

/// <summary>
/// The figures and tables of the pseudo-LiDAR case studies' "Why" sections (notebooks 05 and 06), from
/// <see cref="CaseStudyWhy"/>: flips by range, the change in misses by range and depth error, the misses split against
/// the oracle-trained detector, and the diagnosis's evidence.
/// </summary>
public static class PseudoLidarWhyCharts
{
    /// <summary>Negative (found → missed) and positive (missed → found) flip rates per range bin of each detector of a case, mean ± sd over seeds.</summary>
    public static Figure FlipsByRange(CaseStudyWhy why, string @case)
    {
        var detectors = Of(why, @case);
        var bins = DepthErrorByRange.BinLabels;
        var series = new List<BarSeries>();
        foreach (var d in detectors)
        {
            double[] Pick(Func<Entanglement.Diagnostics.FlipStatistics, Systems.SampleSummary> metric, bool sd) =>
                [.. bins.Select((_, b) => d.FlipsByRange.FirstOrDefault(f => f.Class == b) is { } f
                    ? sd ? Zero(metric(f).StandardDeviation) : metric(f).Mean
                    : double.NaN)];
            series.Add(new BarSeries($"{d.Detector}: found → missed", Pick(f => f.NegativeFlipRate, false), Pick(f => f.NegativeFlipRate, true)));
            series.Add(new BarSeries($"{d.Detector}: missed → found", Pick(f => f.PositiveFlipRate, false), Pick(f => f.PositiveFlipRate, true)));
        }

        return Charts.GroupedBars([.. bins.Select(b => b + " m")], series,
            $"{@case}: flips from u to u′ by range", "object range (bird's-eye)", "share of the bin's counted objects", Caption(why, detectors));
    }

    /// <summary>
    /// Each detector's change in miss rate u → u′ as a stack of cells (range bin × depth error on the object rose / fell
    /// or held): turned missed minus turned found, as shares of all counted objects; the diamond is the total.
    /// </summary>
    public static Figure MissChange(CaseStudyWhy why, string @case)
    {
        var detectors = Of(why, @case);
        string[] names = [.. detectors.Select(d => d.Detector)];
        var cells = detectors.SelectMany(d => d.Change).Select(c => (c.Bin, c.DepthRose)).Distinct().OrderBy(c => c.Bin).ThenBy(c => !c.DepthRose).ToArray();
        var traces = cells.Select(cell => (Trace)new Bar
        {
            Name = new MissChangeCell(cell.Bin, cell.DepthRose, 0, 0, 0).Label,
            X = Values.Of(names),
            Y = Values.Of(detectors.Select(d => d.Change.FirstOrDefault(c => c.Bin == cell.Bin && c.DepthRose == cell.DepthRose)?.Net ?? 0)),
            Marker = new Marker { Color = cell.DepthRose ? Palette.Color(cell.Bin) : Palette.Translucent(Palette.Color(cell.Bin), 0.45) },
        }).Append(new Scatter
        {
            Name = "total change in miss rate",
            Mode = ScatterMode.Markers,
            X = Values.Of(names),
            Y = Values.Of(detectors.Select(d => d.Change.Count == 0 ? double.NaN : d.Change.Sum(c => c.Net))),
            Marker = new Marker { Color = "#000000", Symbol = "diamond", Size = 12 },
        });
        return Figure.Of(traces)
            .WithTitle($"{@case}: where the change in misses u → u′ comes from", Caption(why, detectors) +
                "; each bar = objects that turned missed − turned found, by range bin and by whether u′ raised the depth error on the object (solid) or not (pale)")
            .WithXAxis("detector", AxisType.Category)
            .WithYAxis("change in miss rate (share of counted objects)")
            .WithLayout(l => l with { BarMode = BarMode.Relative });
    }

    /// <summary>Miss rate on u, u′ and the oracle cloud y, stacked: misses the oracle-trained detector makes too (the detector's own) and the rest (the depth's).</summary>
    public static Figure MissSplit(CaseStudyWhy why, string @case)
    {
        var detectors = Of(why, @case);
        string[] categories = [.. detectors.SelectMany(d => d.Misses.Select(m => $"{d.Detector}: {m.Label}"))];
        Trace Part(string name, Func<MissSplit, double> pick, int color) => new Bar
        {
            Name = name,
            X = Values.Of(categories),
            Y = Values.Of(detectors.SelectMany(d => d.Misses.Select(pick))),
            Marker = new Marker { Color = Palette.Color(color) },
        };
        return Figure.Of([Part("missed with the oracle cloud too (detector's own)", m => m.Detector, 0), Part("found with the oracle cloud (depth's)", m => m.Depth, 1)])
            .WithTitle($"{@case}: the detector itself vs the depth it was given", Caption(why, detectors) +
                "; each detector retrained on clouds from u, u′ and the oracle y (ground-truth depth)")
            .WithXAxis("detector: depth source", AxisType.Category)
            .WithYAxis("miss rate (3-D IoU)")
            .WithLayout(l => l with { BarMode = BarMode.Stack });
    }

    /// <summary>The diagnosis's evidence for one detector: each quantity before and after, Δ, p-value and its test, and whether it decided the verdict.</summary>
    public static Table Evidence(DetectorWhy detector)
    {
        ArgumentNullException.ThrowIfNull(detector);
        var diagnosis = detector.Diagnosis;
        var unrecorded = detector.UnrecordedSeeds.Count > 0 ? $" Per-object outcomes not recorded for seeds {string.Join(", ", detector.UnrecordedSeeds)}." : "";
        return Table.From(diagnosis.Evidence,
                (new TableColumn("quantity"), r => r.Quantity),
                (new TableColumn("u (mean)", "0.0000"), r => r.Test.Before.Mean),
                (new TableColumn("sd", "0.0000"), r => r.Test.Before.StandardDeviation),
                (new TableColumn("u′ (mean)", "0.0000"), r => r.Test.After.Mean),
                (new TableColumn("sd", "0.0000"), r => r.Test.After.StandardDeviation),
                (new TableColumn("Δ", "+0.0000;-0.0000;0"), r => r.Test.Difference),
                (new TableColumn("p", "G2"), r => r.Test.PValue),
                (new TableColumn("test"), r => r.Method),
                (new TableColumn("decides"), r => r.Supports ? "yes" : ""))
            .WithCaption(string.Create(CultureInfo.InvariantCulture,
                $"{diagnosis.Experiment}: {diagnosis.TypeName}. {diagnosis.Reason} Seeds {string.Join(", ", diagnosis.Seeds)}, α = {diagnosis.Alpha}.{unrecorded}"));
    }

    private static DetectorWhy[] Of(CaseStudyWhy why, string @case)
    {
        ArgumentNullException.ThrowIfNull(why);
        var detectors = why.Detectors.Where(d => d.Case == @case).ToArray();
        return detectors.Length == 0
            ? throw new ArgumentException($"No detectors for case '{@case}'; have: {string.Join(", ", why.Detectors.Select(d => d.Case).Distinct())}.", nameof(@case))
            : detectors;
    }

    private static string Caption(CaseStudyWhy why, IReadOnlyList<DetectorWhy> detectors)
    {
        var unrecorded = detectors.SelectMany(d => d.UnrecordedSeeds).Distinct().Order().ToArray();
        return why.Provenance + (unrecorded.Length == 0 ? "" : $"; per-object outcomes not recorded for seeds {string.Join(", ", unrecorded)}");
    }

    private static double Zero(double sd) => double.IsNaN(sd) ? 0 : sd;
}
