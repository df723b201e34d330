using System.Globalization;
using System.Text;
using Entanglement.Systems;

namespace Entanglement.Scenarios.PseudoLidar;

public static partial class PseudoLidarCaseStudy
{
    /// <summary>
    /// The case studies' computed tables over seeds: Table 3 (<see cref="DepthByRange"/>), Table 2
    /// (<see cref="Table2"/>) and Table S1 (<see cref="TableS1"/>), the raw per-seed outcomes and a summary.
    /// </summary>
    public sealed record Result
    {
        /// <summary>The configuration that produced this result.</summary>
        public required Config Config { get; init; }

        /// <summary>Range-bin labels of Table 3 ("0-10" … "40-max").</summary>
        public IReadOnlyList<string> RangeBins { get; init; } = DepthErrorByRange.BinLabels;

        /// <summary>Table 3: u (disparity-MAE-trained) then u′ (depth-MAE-trained).</summary>
        public required IReadOnlyList<RangeErrorRow> DepthByRange { get; init; }

        /// <summary>Table 2: rows for u, u′, y × car/pedestrian × AP_3D/AP_BEV.</summary>
        public required IReadOnlyList<ApRow> Table2 { get; init; }

        /// <summary>Table S1 (Appendix A): u is now the depth-MAE-trained model and u′ the disparity-MAE-trained one.</summary>
        public required IReadOnlyList<ApRow> TableS1 { get; init; }

        /// <summary>
        /// The upstream update's effect on each test loss over seeds (before = u, after = u′ of the respective table),
        /// with Welch's t-test.
        /// </summary>
        public required IReadOnlyList<Comparison> Comparisons { get; init; }

        /// <summary>What each seed measured.</summary>
        public required IReadOnlyList<SeedOutcome> Seeds { get; init; }

        /// <summary>What this run found, in words, computed from the numbers above.</summary>
        public required string Summary { get; init; }

        /// <summary>The engine and device that trained the networks, "native (cpu)" or "torch (cpu)": the one in scope when aggregated.</summary>
        public string Engine { get; init; } = $"{Engines.TrainingEngines.Current.Name} ({Engines.TrainingEngines.Current.Device})";

        /// <summary>"profile quick, seeds 0, 1" — what every chart and table caption carries; another engine than the native one is named.</summary>
        public string Provenance => $"profile {Config.Profile.Name}, seeds {string.Join(", ", Seeds.Select(s => s.Seed))}"
            + (Engine == "native (cpu)" ? string.Empty : $", engine {Engine}");

        /// <summary>
        /// Section 5 as a two-point sweep u → u′ for Definition 2.1: upstream depth MAE, downstream the
        /// <paramref name="kind"/> detector's AP_3D miss (100 − AP_3D), so that lower is better for both.
        /// </summary>
        public SweepResult Section5Sweep(ObjectKind kind) => CaseStudySweeps.Section5(this, kind);

        /// <summary>Appendix A as a two-point sweep u → u′: upstream disparity MAE, downstream 100 − all-range pedestrian AP_3D.</summary>
        public SweepResult AppendixSweep => CaseStudySweeps.Appendix(this);

        /// <summary>The Table 2 row of a source, kind and view.</summary>
        public ApRow Section5(DepthSource source, ObjectKind kind, BoxView view) =>
            Table2.Single(r => r.Source == source && r.Kind == kind && r.View == view);

        /// <summary>The Table S1 row of a source and view.</summary>
        public ApRow Appendix(DepthSource source, BoxView view) => TableS1.Single(r => r.Source == source && r.View == view);

        internal static Result Aggregate(Config config, SeedOutcome[] outcomes)
        {
            var depthRows = new[] { (DepthLoss.DisparityMae, "u"), (DepthLoss.DepthMae, "u'") }.Select(t =>
            {
                var (loss, label) = t;
                var overall = outcomes.Select(o => o.DepthMae[loss]).ToArray();
                var disp = outcomes.Select(o => o.DisparityMae[loss]).ToArray();
                var bins = Enumerable.Range(0, DepthErrorByRange.BinLabels.Count).Select(b => outcomes.Select(o => o.DepthMaeByRange[loss][b]).ToArray()).ToArray();
                var medians = Enumerable.Range(0, DepthErrorByRange.BinLabels.Count)
                    .Select(b => Mean([.. outcomes.Select(o => o.DepthMedianByRange.TryGetValue(loss, out var m) ? m[b] : double.NaN)])).ToArray();
                return new RangeErrorRow(label, loss, Mean(overall), Sd(overall), bins.Select(Mean).ToArray(), bins.Select(Sd).ToArray(), Mean(disp), Sd(disp), overall, disp)
                {
                    BinMedianMean = medians,
                };
            }).ToArray();
            var labels5 = new Dictionary<DepthSource, string> { [DepthSource.DisparityTrained] = "u", [DepthSource.DepthTrained] = "u'", [DepthSource.Oracle] = "y" };
            var table2 = new List<ApRow>();
            foreach (var view in new[] { BoxView.Box3D, BoxView.BirdsEye })
            {
                foreach (var source in Enum.GetValues<DepthSource>())
                {
                    foreach (var kind in new[] { ObjectKind.Car, ObjectKind.Pedestrian })
                    {
                        var values = outcomes.Select(o => o.Section5Ap[(source, kind, view)]).ToArray();
                        table2.Add(new ApRow(labels5[source], source, kind, view, Mean(values), Sd(values), values));
                    }
                }
            }

            var labelsA = new Dictionary<DepthSource, string> { [DepthSource.DepthTrained] = "u", [DepthSource.DisparityTrained] = "u'", [DepthSource.Oracle] = "y" };
            var tableS1 = new List<ApRow>();
            if (config.RunAppendix)
            {
                foreach (var view in new[] { BoxView.Box3D, BoxView.BirdsEye })
                {
                    foreach (var source in new[] { DepthSource.DepthTrained, DepthSource.DisparityTrained, DepthSource.Oracle })
                    {
                        var values = outcomes.Select(o => o.AppendixAp[(source, view)]).ToArray();
                        tableS1.Add(new ApRow(labelsA[source], source, ObjectKind.Pedestrian, view, Mean(values), Sd(values), values));
                    }
                }
            }

            var comparisons = new List<Comparison>
            {
                new("depth MAE (0-max)", false, WelchTest.Of(depthRows[0].OverallPerSeed.ToArray(), depthRows[1].OverallPerSeed.ToArray())),
                new("depth MAE (0-10 m)", false, WelchTest.Of(
                    outcomes.Select(o => o.DepthMaeByRange[DepthLoss.DisparityMae][0]).ToArray(), outcomes.Select(o => o.DepthMaeByRange[DepthLoss.DepthMae][0]).ToArray())),
            };
            foreach (var kind in new[] { ObjectKind.Car, ObjectKind.Pedestrian })
            {
                foreach (var view in new[] { BoxView.Box3D, BoxView.BirdsEye })
                {
                    var before = table2.Single(r => r.Source == DepthSource.DisparityTrained && r.Kind == kind && r.View == view).PerSeed;
                    var after = table2.Single(r => r.Source == DepthSource.DepthTrained && r.Kind == kind && r.View == view).PerSeed;
                    comparisons.Add(new($"{kind} {ViewName(view)}", true, WelchTest.Of(before.ToArray(), after.ToArray())));
                }
            }

            if (config.RunAppendix)
            {
                comparisons.Add(new("Appendix A: disparity MAE", false, WelchTest.Of(depthRows[1].DisparityMaePerSeed.ToArray(), depthRows[0].DisparityMaePerSeed.ToArray())));
                foreach (var view in new[] { BoxView.Box3D, BoxView.BirdsEye })
                {
                    var before = tableS1.Single(r => r.Source == DepthSource.DepthTrained && r.View == view).PerSeed;
                    var after = tableS1.Single(r => r.Source == DepthSource.DisparityTrained && r.View == view).PerSeed;
                    comparisons.Add(new($"Appendix A: Pedestrian {ViewName(view)}", true, WelchTest.Of(before.ToArray(), after.ToArray())));
                }
            }

            var partial = new Result
            {
                Config = config,
                DepthByRange = depthRows,
                Table2 = table2,
                TableS1 = tableS1,
                Comparisons = comparisons,
                Seeds = outcomes,
                Summary = "",
            };
            return partial with { Summary = Summarize(partial) };
        }

        private static string Summarize(Result r)
        {
            var c = CultureInfo.InvariantCulture;
            var u = r.DepthByRange[0];
            var up = r.DepthByRange[1];
            var sb = new StringBuilder();
            sb.Append(c, $"Pseudo-LiDAR case studies (§5, Appendix A), {r.Provenance}; {r.Config.TrainScenes} training and {r.Config.TestScenes} test scenes per seed. ");
            sb.Append(c, $"Depth MAE (Table 3): u (disparity-MAE training) {u.OverallMean:F3} m, u' (depth-MAE training) {up.OverallMean:F3} m");
            sb.Append(up.OverallMean < u.OverallMean ? " - u' is the upstream improvement. " : " - u' is NOT better than u on depth MAE in this run. ");
            sb.Append(c, $"Near range (0-10 m): u {u.BinMean[0]:F3} m, u' {up.BinMean[0]:F3} m");
            sb.Append(up.BinMean[0] > u.BinMean[0] ? " (u' worse near, as in the paper). " : " (u' not worse near, unlike the paper). ");
            if (u.BinMedianMean.Count > 0 && up.BinMedianMean.Count > 0)
            {
                sb.Append(c, $"Median absolute depth error 0-10 m (the typical pixel, without the gross outliers that can carry the mean): u {u.BinMedianMean[0]:F3} m, u' {up.BinMedianMean[0]:F3} m; ");
                sb.Append(c, $"10-20 m: u {u.BinMedianMean[1]:F3} m, u' {up.BinMedianMean[1]:F3} m. ");
            }
            var car = Delta(r, ObjectKind.Car);
            var ped = Delta(r, ObjectKind.Pedestrian);
            sb.Append(c, $"Table 2, u -> u': car AP_3D {car.From3D:F2} -> {car.To3D:F2}, AP_BEV {car.FromBev:F2} -> {car.ToBev:F2}; ");
            sb.Append(c, $"pedestrian AP_3D {ped.From3D:F2} -> {ped.To3D:F2}, AP_BEV {ped.FromBev:F2} -> {ped.ToBev:F2}. ");
            var selfDefeating = up.OverallMean < u.OverallMean && ped.To3D < ped.From3D && ped.ToBev < ped.FromBev;
            var pedestrianP = r.Comparisons.Single(x => x.Name == "Pedestrian AP_3D").Test.PValue;
            sb.Append(selfDefeating
                ? pedestrianP < 0.05
                    ? "The upstream improvement is self-defeating for the pedestrian detector, significant at 0.05 (AP_3D). "
                    : "The means move as in a self-defeating improvement for the pedestrian detector, but not significantly at 0.05 (AP_3D): a trend, not a finding. "
                : "The pedestrian detector does not get worse on both AP measures with u', so this run does not show Section 5's self-defeating improvement. ");
            if (r.TableS1.Count > 0)
            {
                var a = r.Appendix(DepthSource.DepthTrained, BoxView.Box3D).Mean;
                var ap = r.Appendix(DepthSource.DisparityTrained, BoxView.Box3D).Mean;
                sb.Append(c, $"Appendix A: disparity MAE u (depth-trained) {up.DisparityMaeMean:F3} px vs u' (disparity-trained) {u.DisparityMaeMean:F3} px; ");
                sb.Append(c, $"all-range pedestrian AP_3D (<= 20 m) {a:F2} -> {ap:F2}");
                var appendixP = r.Comparisons.Single(x => x.Name == "Appendix A: Pedestrian AP_3D").Test.PValue;
                sb.Append(ap < a
                    ? appendixP < 0.05 ? " (self-defeating, as Table S1, significant at 0.05)." : " (the direction of Table S1, not significant at 0.05)."
                    : " (not self-defeating in this run).");
            }

            sb.Append(" Welch tests over seeds (before -> after, two-sided p): ");
            sb.AppendJoin("; ", r.Comparisons.Select(x => string.Create(c,
                $"{x.Name} {x.Test.Before.Mean:F3} -> {x.Test.After.Mean:F3}{(x.GotWorse ? " (worse)" : "")}, p = {x.Test.PValue:F3}")));
            sb.Append('.');
            return sb.ToString();
        }

        private static (double From3D, double To3D, double FromBev, double ToBev) Delta(Result r, ObjectKind kind) =>
            (r.Section5(DepthSource.DisparityTrained, kind, BoxView.Box3D).Mean, r.Section5(DepthSource.DepthTrained, kind, BoxView.Box3D).Mean,
             r.Section5(DepthSource.DisparityTrained, kind, BoxView.BirdsEye).Mean, r.Section5(DepthSource.DepthTrained, kind, BoxView.BirdsEye).Mean);

        private static string ViewName(BoxView view) => view == BoxView.Box3D ? "AP_3D" : "AP_BEV";

        private static double Mean(double[] values) => values.Average();

        private static double Sd(double[] values)
        {
            if (values.Length < 2)
            {
                return 0;
            }

            var m = values.Average();
            return Math.Sqrt(values.Sum(v => (v - m) * (v - m)) / (values.Length - 1));
        }
    }
}
