using System.Globalization;
using System.Text;
using Entanglement.Systems;

namespace Entanglement.Scenarios.HigherOrder;

/// <summary>
/// The higher-order grid over seeds: for every subset of improved upstreams the downstream's errors, compared with
/// no improvement by Welch's test, and Definition 2.1 per subset (the improved upstreams' mean error is the updated
/// loss; the retrained downstream's error the descendant's).
/// </summary>
public sealed record HigherOrderResult
{
    public required HigherOrderEntanglement.Config Config { get; init; }

    /// <summary>One grid per seed of <see cref="HigherOrderEntanglement.Config.Seeds"/>, in order.</summary>
    public required IReadOnlyList<HigherOrderSeed> Seeds { get; init; }

    /// <summary>Per subset: retrained downstream error, mean ± sd over seeds.</summary>
    public IReadOnlyList<SampleSummary> Retrained => Summaries(s => s.Retrained);

    public IReadOnlyList<SampleSummary> Vote => Summaries(s => s.Vote);

    public IReadOnlyList<SampleSummary> Linear => Summaries(s => s.Linear);

    /// <summary>Per upstream: test error noisy and clean, mean over seeds.</summary>
    public IReadOnlyList<(double Noisy, double Clean)> UpstreamErrors =>
        [.. Enumerable.Range(0, UpstreamSubset.Upstreams).Select(i => (Seeds.Average(s => s.NoisyError[i]), Seeds.Average(s => s.CleanError[i])))];

    /// <summary>
    /// Definition 2.1 for improving <paramref name="subset"/> (from all noisy): the updated loss is the mean error of
    /// the improved upstreams, the descendant the retrained downstream (and the vote and the linear model beside it).
    /// </summary>
    public SelfDefeatingReport Verdict(UpstreamSubset subset)
    {
        if (subset.Count == 0)
        {
            throw new ArgumentException("Verdict: improving no upstream changes nothing.", nameof(subset));
        }

        var k = Index(subset);
        var improved = Enumerable.Range(0, UpstreamSubset.Upstreams).Where(subset.Contains).ToArray();
        var before = Seeds.Select(s => improved.Average(i => s.NoisyError[i])).ToArray();
        var after = Seeds.Select(s => improved.Average(i => s.CleanError[i])).ToArray();
        return SelfDefeatingReport.Of(new LossSamples($"{subset} (mean zero-one error)", before, after),
        [
            new LossSamples("w retrained (zero-one error)", [.. Seeds.Select(s => s.Retrained[0])], [.. Seeds.Select(s => s.Retrained[k])]),
            new LossSamples("w vote (zero-one error)", [.. Seeds.Select(s => s.Vote[0])], [.. Seeds.Select(s => s.Vote[k])]),
            new LossSamples("w linear (zero-one error)", [.. Seeds.Select(s => s.Linear[0])], [.. Seeds.Select(s => s.Linear[k])]),
        ]);
    }

    /// <summary>Welch's test of the retrained downstream's error, no improvement against <paramref name="subset"/>.</summary>
    public WelchTest RetrainedChange(UpstreamSubset subset) =>
        WelchTest.Of([.. Seeds.Select(s => s.Retrained[0])], [.. Seeds.Select(s => s.Retrained[Index(subset)])]);

    /// <summary>
    /// The sweep "improve u₁, then u₁ and u₂, then all three" (knob: number of improved upstreams) as a
    /// <see cref="SweepResult"/>: upstream loss = mean error of all three upstreams, downstream = retrained w.
    /// </summary>
    public SweepResult Nested
    {
        get
        {
            int[] masks = [0, 1, 3, 7];
            return new SweepResult
            {
                Experiment = "Higher-order entanglement",
                Knob = "k",
                KnobDescription = "number of improved upstreams (u₁, then u₁ u₂, then all three)",
                KnobValues = [0, 1, 2, 3],
                UpstreamModel = "u₁, u₂, u₃: 1 vs 7",
                DownstreamModel = "w: 1 vs 7 from the three answers, retrained per answer cell",
                UpstreamLoss = "mean zero-one error of u₁, u₂, u₃",
                DownstreamLoss = "zero-one error",
                Profile = Config.Profile,
                Seeds = Config.Seeds,
                Settings = Config.Describe(),
                Upstream = [.. masks.Select(m => Seeds.Select(s => Enumerable.Range(0, UpstreamSubset.Upstreams)
                    .Average(i => (m & (1 << i)) != 0 ? s.CleanError[i] : s.NoisyError[i])).ToArray())],
                Downstream = [.. masks.Select(m => Seeds.Select(s => s.Retrained[Index(new UpstreamSubset(m))]).ToArray())],
            };
        }
    }

    /// <summary>Per subset: the retrained downstream's change and the Definition 2.1 verdict, computed from the run.</summary>
    public string Summary
    {
        get
        {
            var sb = new StringBuilder();
            var none = Retrained[0];
            sb.Append(CultureInfo.InvariantCulture,
                $"Higher-order entanglement, profile {Config.Profile.Name}, seeds {string.Join(", ", Config.Seeds)}. All three upstreams noisy: retrained downstream error {none.Mean:0.000} ± {none.StandardDeviation:0.000}. ");
            var selfDefeating = new List<string>();
            foreach (var subset in UpstreamSubset.All.Skip(1))
            {
                var v = Verdict(subset);
                var test = RetrainedChange(subset);
                sb.Append(CultureInfo.InvariantCulture, $"Improving {subset}: {test.After.Mean:0.000} ({SweepResult.PValue(test)}); ");
                if (v.IsSelfDefeating && v.Descendants[0].IsSignificantlyWorse && v.Updated.IsSignificantlyBetter)
                {
                    selfDefeating.Add(subset.ToString());
                }
            }

            sb.Append(selfDefeating.Count == 0
                ? "no subset of improvements makes the retrained downstream significantly worse (Definition 2.1, Welch at 0.05): not self-defeating on this run."
                : $"self-defeating (Definition 2.1, significant at 0.05 for the improved upstreams and the retrained downstream): {string.Join(", ", selfDefeating)}.");
            return sb.ToString();
        }
    }

    private static int Index(UpstreamSubset subset) => UpstreamSubset.All.ToList().IndexOf(subset);

    private IReadOnlyList<SampleSummary> Summaries(Func<HigherOrderSeed, IReadOnlyList<double>> pick) =>
        [.. Enumerable.Range(0, UpstreamSubset.All.Count).Select(k => SampleSummary.Of([.. Seeds.Select(s => pick(s)[k])]))];
}
