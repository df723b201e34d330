using System.Globalization;
using Entanglement.Scenarios.HigherOrder;

namespace Entanglement.Plotting;

/// <summary>Charts of higher-order entanglement: the downstream's error for every subset of improved upstreams.</summary>
public static class HigherOrderCharts
{
    /// <summary>The toy: closed-form retrained and vote errors per subset beside the simulated ones (mean ± sd over seeds).</summary>
    public static Figure Toy(ToyHigherOrderResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var simulated = result.SimulatedRetrained;
        return Charts.GroupedBars(Categories(),
            [
                new BarSeries("retrained w, closed form", [.. result.Exact.Select(e => e.Retrained)]),
                new BarSeries("retrained w, simulated (mean ± sd)", [.. simulated.Select(s => s.Mean)], [.. simulated.Select(s => Sd(s.StandardDeviation))]),
                new BarSeries("majority vote, closed form", [.. result.Exact.Select(e => e.Vote)]),
            ],
            "Toy: downstream error for every subset of improved upstreams", "improved upstreams", "downstream zero-one error",
            $"seeds {string.Join(", ", result.Config.Seeds)} (profile {result.Config.Profile.Name}); {result.Config.Describe()}");
    }

    /// <summary>The digits: retrained, vote and linear downstream error per subset, mean ± sd over seeds.</summary>
    public static Figure Subsets(HigherOrderResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        BarSeries Series(string name, IReadOnlyList<Systems.SampleSummary> s) =>
            new(name, [.. s.Select(x => x.Mean)], [.. s.Select(x => Sd(x.StandardDeviation))]);
        return Charts.GroupedBars(Categories(),
            [Series("retrained w (answer cells)", result.Retrained), Series("linear w (one-hot answers)", result.Linear), Series("fixed majority vote", result.Vote)],
            "Digits: downstream error for every subset of improved upstreams", "improved upstreams", "downstream zero-one error (mean ± sd)",
            Caption(result));
    }

    /// <summary>Per subset: the improved upstreams' error change, the downstream's, Welch p-values and the verdict.</summary>
    public static Table SubsetTable(HigherOrderResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        var table = Table.Of("improved", "upstream error before → after", "Welch p (upstream)", "retrained w error", "sd", "Welch p vs none",
            "vote error", "linear w error", "Definition 2.1").WithCaption(Caption(result));
        foreach (var (subset, k) in UpstreamSubset.All.Select((s, k) => (s, k)))
        {
            var retrained = result.Retrained[k];
            if (subset.Count == 0)
            {
                table = table.WithRow(subset.ToString(), "", "", retrained.Mean, retrained.StandardDeviation, "", result.Vote[k].Mean, result.Linear[k].Mean, "baseline");
                continue;
            }

            var v = result.Verdict(subset);
            var verdict = v switch
            {
                { IsSelfDefeating: true } when v.Updated.IsSignificantlyBetter && v.Descendants[0].IsSignificantlyWorse => "self-defeating (significant)",
                { IsSelfDefeating: true } when !v.Descendants[0].IsWorse => "self-defeating for the vote/linear w only",
                { IsSelfDefeating: true } => "direction only (not significant)",
                { Improves: false } => "upstreams did not improve",
                _ => "not self-defeating",
            };
            table = table.WithRow(subset.ToString(),
                string.Create(CultureInfo.InvariantCulture, $"{v.Updated.Test.Before.Mean:0.0000} → {v.Updated.Test.After.Mean:0.0000}"),
                v.Updated.Test.PValue, retrained.Mean, retrained.StandardDeviation, result.RetrainedChange(subset).PValue,
                result.Vote[k].Mean, result.Linear[k].Mean, verdict);
        }

        return table;
    }

    private static string[] Categories() => [.. UpstreamSubset.All.Select(s => s.ToString())];

    private static double Sd(double sd) => double.IsNaN(sd) ? 0 : sd;

    private static string Caption(HigherOrderResult result) =>
        $"profile {result.Config.Profile.Name}, seeds {string.Join(", ", result.Config.Seeds)}. {result.Config.Describe()}";
}
