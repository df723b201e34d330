using System.Globalization;
using System.Text;

namespace Entanglement.Scenarios.PseudoLidar;

public static partial class DepthTradeoff
{
    /// <summary>One range weight's depth error: mean over seeds per range bin and overall, with the disparity MAE.</summary>
    public sealed record WeightRow(double RangeWeight, IReadOnlyList<double> BinMean, IReadOnlyList<double> BinSd, double OverallMean, double DisparityMaeMean);

    /// <summary>The sweep's outcome: one row per range weight, per-seed numbers kept.</summary>
    public sealed record Result(Config Config, IReadOnlyList<IReadOnlyDictionary<string, double>> PerSeed, IReadOnlyList<WeightRow> Rows)
    {
        /// <summary>The engine and device that trained the estimators, "native (cpu)" or "torch (cpu)": the one in scope when aggregated.</summary>
        public string Engine { get; init; } = $"{Engines.TrainingEngines.Current.Name} ({Engines.TrainingEngines.Current.Device})";

        /// <summary>"profile quick, seeds 0, 1" — what every chart and table caption carries; another engine than the native one is named.</summary>
        public string Provenance => string.Create(CultureInfo.InvariantCulture, $"profile {Config.Profile.Name}, seeds {string.Join(", ", Config.Seeds)}")
            + (Engine == "native (cpu)" ? string.Empty : $", engine {Engine}");

        /// <summary>Range bins of the rows ("0-10", …, "40-max").</summary>
        public static IReadOnlyList<string> RangeBins => DepthErrorByRange.BinLabels;

        /// <summary>Trainable parameters of the refinement: the capacity budget every weight trains under.</summary>
        public double Parameters => PerSeed.Count == 0 ? double.NaN : PerSeed[0].GetValueOrDefault("parameters", double.NaN);

        /// <summary>Per range bin, the weight with the lowest mean depth MAE (NaN for a bin no weight measured).</summary>
        public IReadOnlyList<double> BestWeightPerBin => [.. RangeBins.Select((_, b) =>
        {
            var measured = Rows.Where(r => double.IsFinite(r.BinMean[b])).ToArray();
            return measured.Length == 0 ? double.NaN : measured.MinBy(r => r.BinMean[b])!.RangeWeight;
        })];

        /// <summary>
        /// How close to a bin's lowest mean depth MAE a weight must be to count as best there (2 %, relative): differences
        /// smaller than that are within seed noise at the quick profile's two seeds, and must not make a trade-off.
        /// </summary>
        public const double NearBestTolerance = 0.02;

        /// <summary>The weights within <see cref="NearBestTolerance"/> of the lowest mean depth MAE in every measured bin.</summary>
        public IReadOnlyList<double> NearBestEverywhere => [.. Rows.Where(r => RangeBins.Select((_, b) => b).All(b =>
        {
            var measured = Rows.Select(x => x.BinMean[b]).Where(double.IsFinite).ToArray();
            return measured.Length == 0 || (double.IsFinite(r.BinMean[b]) && r.BinMean[b] <= measured.Min() * (1 + NearBestTolerance));
        })).Select(r => r.RangeWeight)];

        /// <summary>Whether the estimator had to choose: no single weight is within 2 % of the best in every measured bin.</summary>
        public bool HasTradeoff => Rows.Count > 1 && NearBestEverywhere.Count == 0;

        /// <summary>Aggregates the per-seed maps of <see cref="RunSeed"/>.</summary>
        public static Result Aggregate(Config config, IReadOnlyList<IReadOnlyDictionary<string, double>> perSeed)
        {
            ArgumentNullException.ThrowIfNull(config);
            ArgumentNullException.ThrowIfNull(perSeed);
            double[] Values(string key) => [.. perSeed.Select(s => s.GetValueOrDefault(key, double.NaN)).Where(double.IsFinite)];
            static double Mean(double[] v) => v.Length == 0 ? double.NaN : v.Average();
            static double Sd(double[] v) => v.Length < 2 ? double.NaN : Math.Sqrt(v.Sum(x => (x - v.Average()) * (x - v.Average())) / (v.Length - 1));
            var rows = config.RangeWeights.Select(w =>
            {
                var k = Key(w);
                var bins = DepthErrorByRange.BinLabels.Select(b => Values($"depth-mae[{k}][{b}]")).ToArray();
                return new WeightRow(w, [.. bins.Select(Mean)], [.. bins.Select(Sd)], Mean(Values($"depth-mae[{k}]")), Mean(Values($"disparity-mae[{k}]")));
            }).ToArray();
            return new Result(config, perSeed, rows);
        }

        /// <summary>What the sweep found, in sentences computed from the numbers.</summary>
        public string Summary
        {
            get
            {
                var sb = new StringBuilder();
                var inv = CultureInfo.InvariantCulture;
                sb.Append(inv, $"Depth estimator with a refinement MLP {string.Join("-", Config.Depth.Hidden)} ({Parameters:F0} parameters), ");
                sb.Append(inv, $"trained with (1 - a) disparity MAE + a depth MAE for a in {{{string.Join(", ", Config.RangeWeights.Select(Key))}}}, ");
                sb.AppendLine(inv, $"{PerSeed.Count} seed(s), profile {Config.Profile.Name}{(Engine == "native (cpu)" ? "" : $", engine {Engine}")}.");
                var best = BestWeightPerBin;
                for (var b = 0; b < RangeBins.Count; b++)
                {
                    if (!double.IsFinite(best[b]))
                    {
                        continue;
                    }

                    var first = Rows[0].BinMean[b];
                    var last = Rows[^1].BinMean[b];
                    sb.AppendLine(inv, $"  {RangeBins[b]} m: lowest depth MAE at a = {Key(best[b])}; a = {Key(Rows[0].RangeWeight)} -> {Key(Rows[^1].RangeWeight)}: {first:F3} -> {last:F3} m ({100 * (last - first) / first:+0.0;-0.0}%).");
                }

                sb.Append(HasTradeoff
                    ? "Trade-off: no single weight is within 2% of the lowest depth MAE at every range; the loss decides where this capacity's errors go."
                    : string.Create(inv, $"No trade-off at this capacity: a = {string.Join(", ", NearBestEverywhere.Select(Key))} within 2% of the lowest depth MAE at every range."));
                return sb.ToString();
            }
        }
    }
}
