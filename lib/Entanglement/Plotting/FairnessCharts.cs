using System.Globalization;
using Entanglement.Scenarios.Fairness;

namespace Entanglement.Plotting;

/// <summary>Charts of the fairness scenario.</summary>
public static class FairnessCharts
{
    /// <summary>Per λ: test error of v and of w in each group, mean ± sd over seeds.</summary>
    public static Figure GroupErrors(FairnessResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        BarSeries Series(string name, Func<FairnessRun, double> pick) => new(name,
            [.. result.Runs.Select(r => Systems.SampleSummary.Of([.. r.Select(pick)]).Mean)],
            [.. result.Runs.Select(r => Systems.SampleSummary.Of([.. r.Select(pick)]).StandardDeviation).Select(s => double.IsNaN(s) ? 0 : s)]);
        return Charts.GroupedBars(
            [.. result.Config.Lambda.Select(l => string.Create(CultureInfo.InvariantCulture, $"λ = {l}"))],
            [
                Series("v, majority (original)", r => r.UpstreamErrorMajority),
                Series($"v, minority ({result.Config.MinorityStyle.ToString().ToLowerInvariant()})", r => r.UpstreamErrorMinority),
                Series("w, majority (original)", r => r.DownstreamErrorMajority),
                Series($"w, minority ({result.Config.MinorityStyle.ToString().ToLowerInvariant()})", r => r.DownstreamErrorMinority),
            ],
            "Test error per group over the reweighting strength", "group reweighting λ of the upstream", "zero-one error (mean ± sd)",
            $"{result.EqualisedOdds.Provenance}. {result.Config.Describe()}");
    }
}
