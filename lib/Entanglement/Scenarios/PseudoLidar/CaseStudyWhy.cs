using System.Globalization;
using System.Text;
using Entanglement.Diagnostics;
using Entanglement.Systems;

namespace Entanglement.Scenarios.PseudoLidar;

/// <summary>
/// Why the pseudo-LiDAR case studies came out as they did, from stored seeds only: for Section 5 (u → u′ =
/// disparity-MAE → depth-MAE training) the car detector v and the pedestrian detector w, for Appendix A's reverse swap
/// the all-range pedestrian detector (<see cref="DetectorWhy"/> each).
/// </summary>
public sealed record CaseStudyWhy
{
    /// <summary>"profile quick, seeds 0, 1".</summary>
    public required string Provenance { get; init; }

    /// <summary>v and w of Section 5, then Appendix A's detector when it was run.</summary>
    public required IReadOnlyList<DetectorWhy> Detectors { get; init; }

    /// <summary>The Section 5 analyses.</summary>
    public IReadOnlyList<DetectorWhy> Section5 => [.. Detectors.Where(d => d.Case == "Section 5")];

    /// <summary>Appendix A's analysis, or null when Appendix A was not run.</summary>
    public DetectorWhy? Appendix => Detectors.FirstOrDefault(d => d.Case == "Appendix A");

    /// <summary>The analysis of one detector by its <see cref="DetectorWhy.Detector"/> name's start ("car", "pedestrian", "all-range").</summary>
    public DetectorWhy this[string detector] =>
        Detectors.FirstOrDefault(d => d.Detector.StartsWith(detector, StringComparison.Ordinal))
        ?? throw new KeyNotFoundException($"No detector '{detector}'; have: {string.Join(", ", Detectors.Select(d => d.Detector))}.");

    /// <summary>The diagnosis of every detector of a case ("Section 5" or "Appendix A") as text, verdict first.</summary>
    public string Diagnoses(string @case) =>
        string.Join(Environment.NewLine + Environment.NewLine, Detectors.Where(d => d.Case == @case).Select(d => d.Diagnosis.Summary));

    /// <summary>Computes every analysis from the seeds' outcomes (seeds without per-object outcomes are "not recorded").</summary>
    public static CaseStudyWhy Of(PseudoLidarCaseStudy.Config config, IReadOnlyList<SeedOutcome> seeds, double alpha = 0.05)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(seeds);
        if (seeds.Count == 0)
        {
            throw new ArgumentException("CaseStudyWhy: needs at least one seed.", nameof(seeds));
        }

        var ids = seeds.Select(s => s.Seed).ToArray();
        LocalizedUpdate Update(string @case, string downstream, bool appendix, IEnumerable<EvidenceRow> context) => new()
        {
            Experiment = $"{@case}, {downstream}",
            Upstream = appendix ? "depth estimator u (depth-MAE training) → u′ (disparity-MAE training)" : "depth estimator u (disparity-MAE training) → u′ (depth-MAE training)",
            UpstreamLoss = appendix ? "disparity MAE (px)" : "depth MAE (m)",
            Downstream = downstream,
            ErrorName = "miss rate (3-D IoU)",
            ExampleError = "depth error on the object",
            Seeds = ids,
            UpstreamBefore = [.. seeds.Select(s => appendix ? s.DisparityMae[DepthLoss.DepthMae] : s.DepthMae[DepthLoss.DisparityMae])],
            UpstreamAfter = [.. seeds.Select(s => appendix ? s.DisparityMae[DepthLoss.DisparityMae] : s.DepthMae[DepthLoss.DepthMae])],
            Outcomes = [],
            Context = [.. context],
        };
        IEnumerable<EvidenceRow> Ap(Func<SeedOutcome, DepthSource, double> ap, DepthSource before, DepthSource after, string name)
        {
            double[] b = [.. seeds.Select(s => ap(s, before))], a = [.. seeds.Select(s => ap(s, after))];
            return b.Concat(a).All(double.IsFinite) ? [EvidenceRow.Of($"{name}: AP_3D (%)", b, a)] : [];
        }

        var detectors = new List<DetectorWhy>();
        foreach (var (kind, vertex, name) in new[] { (ObjectKind.Car, ObjectOutcomes.CarDetector, "car detector v"), (ObjectKind.Pedestrian, ObjectOutcomes.PedestrianDetector, "pedestrian detector w") })
        {
            var context = Ap((s, d) => s.Section5Ap[(d, kind, BoxView.Box3D)], DepthSource.DisparityTrained, DepthSource.DepthTrained, name);
            detectors.Add(DetectorWhy.Of(Update("Section 5", name, false, context), "Section 5", vertex, DepthSource.DisparityTrained, DepthSource.DepthTrained, seeds, alpha));
        }

        if (config.RunAppendix)
        {
            const string name = "all-range pedestrian detector (Appendix A)";
            var context = Ap((s, d) => s.AppendixAp.TryGetValue((d, BoxView.Box3D), out var v) ? v : double.NaN, DepthSource.DepthTrained, DepthSource.DisparityTrained, name);
            detectors.Add(DetectorWhy.Of(Update("Appendix A", name, true, context), "Appendix A", ObjectOutcomes.AppendixDetector, DepthSource.DepthTrained, DepthSource.DisparityTrained, seeds, alpha));
        }

        return new CaseStudyWhy { Provenance = $"profile {config.Profile.Name}, seeds {string.Join(", ", ids)}", Detectors = detectors };
    }

    /// <summary>Flips, miss split, change decomposition and diagnosis of every detector as plain text (what <c>workbook diagnose pseudo-lidar</c> prints).</summary>
    public string Text
    {
        get
        {
            var c = CultureInfo.InvariantCulture;
            var sb = new StringBuilder();
            foreach (var d in Detectors)
            {
                sb.AppendLine(c, $"{d.Case}, {d.Detector}: u = {d.Before}, u' = {d.After} ({Provenance})");
                if (d.UnrecordedSeeds.Count > 0)
                {
                    sb.AppendLine(c, $"  per-object outcomes not recorded for seeds {string.Join(", ", d.UnrecordedSeeds)} (stored before they were kept)");
                }

                if (d.Flips is { } f)
                {
                    sb.AppendLine(c, $"  flips u -> u' (mean ± sd over seeds; found = right): NFR {Pm(f.NegativeFlipRate)}, PFR {Pm(f.PositiveFlipRate)}, BTC {f.Btc.Mean:0.000}, BEC {f.Bec.Mean:0.000}, miss rate {f.ErrorBefore.Mean:0.000} -> {f.ErrorAfter.Mean:0.000}");
                    sb.AppendLine(c, $"  by range: {string.Join("; ", d.FlipsByRange.Select(r => string.Create(c, $"{DepthErrorByRange.BinLabels[r.Class ?? 0]} m NFR {r.NegativeFlipRate.Mean:0.000} PFR {r.PositiveFlipRate.Mean:0.000}")))}");
                    sb.AppendLine(c, $"  misses (detector's own + depth's, vs the oracle-trained detector): {string.Join("; ", d.Misses.Select(m => string.Create(c, $"{m.Label} {m.Detector:0.000} + {m.Depth:0.000} = {m.MissRate:0.000}")))}");
                    sb.AppendLine(c, $"  change in miss rate by cell (turned missed - turned found): {string.Join("; ", d.Change.Select(x => string.Create(c, $"{x.Label} {x.Net:+0.000;-0.000;0}")))}; total {d.Change.Sum(x => x.Net):+0.000;-0.000;0}");
                }
                else
                {
                    sb.AppendLine("  flips and decomposition: per-object outcomes not recorded for any seed");
                }

                sb.Append("  Diagnosis: ").AppendLine(d.Diagnosis.Summary.Replace("\n", "\n  ", StringComparison.Ordinal));
            }

            return sb.ToString();
        }
    }

    private static string Pm(SampleSummary s) => s.Describe("0.000");
}
