using System.Globalization;
using System.Text;
using Entanglement.Systems;

namespace Entanglement.Scenarios.Fairness;

/// <summary>
/// The fairness sweep over λ and seeds, as sweeps the workbook's charts and Definition 2.1 understand: the
/// equalised-odds gaps (the fairness "losses"), the demographic-parity gaps and the zero-one errors of v and w.
/// </summary>
public sealed record FairnessResult
{
    public required FairerUpstream.Config Config { get; init; }

    /// <summary>Runs indexed [λ index][seed index].</summary>
    public required IReadOnlyList<FairnessRun[]> Runs { get; init; }

    /// <summary>Equalised-odds gaps of v and of the retrained w over λ: Definition 2.1 on the fairness measure.</summary>
    public SweepResult EqualisedOdds => Sweep("equalised-odds gap", r => r.UpstreamEqualisedOdds, r => r.DownstreamEqualisedOdds);

    /// <summary>Demographic-parity gaps of v and w over λ.</summary>
    public SweepResult DemographicParity => Sweep("demographic-parity gap", r => r.UpstreamDemographicParity, r => r.DownstreamDemographicParity);

    /// <summary>Zero-one errors of v and w over λ (what reweighting costs or gains in accuracy).</summary>
    public SweepResult Errors => Sweep("zero-one error", r => r.UpstreamError, r => r.DownstreamError);

    /// <summary>Per λ: (v majority, v minority, w majority, w minority) test error, mean over seeds.</summary>
    public IReadOnlyList<(double UpMajority, double UpMinority, double DownMajority, double DownMinority)> GroupErrors =>
        [.. Runs.Select(r => (r.Average(x => x.UpstreamErrorMajority), r.Average(x => x.UpstreamErrorMinority),
            r.Average(x => x.DownstreamErrorMajority), r.Average(x => x.DownstreamErrorMinority)))];

    /// <summary>Definition 2.1 on the equalised-odds gap, from λ = first to λ = last.</summary>
    public SelfDefeatingReport Verdict => EqualisedOdds.Verdict;

    /// <summary>What the run found, in words computed from its numbers.</summary>
    public string Summary
    {
        get
        {
            var eo = EqualisedOdds;
            var v = Verdict;
            var up = v.Updated.Test;
            var down = v.Descendants[0].Test;
            var errors = Errors.Verdict;
            var sb = new StringBuilder();
            sb.Append(CultureInfo.InvariantCulture,
                $"Fairness, {eo.Provenance}. From λ = {Config.Lambda[0]} to λ = {Config.Lambda[^1]}, the upstream's equalised-odds gap went ");
            sb.Append(CultureInfo.InvariantCulture,
                $"{up.Before.Mean:0.000} → {up.After.Mean:0.000} (Welch {SweepResult.PValue(up)}) and the retrained downstream's ");
            sb.Append(CultureInfo.InvariantCulture, $"{down.Before.Mean:0.000} → {down.After.Mean:0.000} ({SweepResult.PValue(down)}); ");
            sb.Append(CultureInfo.InvariantCulture,
                $"zero-one errors: upstream {errors.Updated.Test.Before.Mean:0.000} → {errors.Updated.Test.After.Mean:0.000}, downstream {errors.Descendants[0].Test.Before.Mean:0.000} → {errors.Descendants[0].Test.After.Mean:0.000}. ");
            sb.Append(v switch
            {
                { IsSelfDefeating: true, IsSignificant: true } => "Making the upstream fairer made the downstream less fair: a self-defeating improvement of fairness, significant at 0.05 for both changes.",
                { IsSelfDefeating: true } => "The downstream's gap widened while the upstream's narrowed, but not significantly at 0.05 for both: a trend, not a finding.",
                { Improves: false } => "Reweighting did not narrow the upstream's gap on this run, so Definition 2.1 does not apply.",
                _ => "Not self-defeating: the downstream's gap did not widen.",
            });
            return sb.ToString();
        }
    }

    private SweepResult Sweep(string measure, Func<FairnessRun, double> upstream, Func<FairnessRun, double> downstream) => new()
    {
        Experiment = "Fairness (a fairer upstream)",
        Knob = "λ",
        KnobDescription = "group-reweighting strength of the upstream (0 = none, 1 = equal group totals)",
        KnobValues = Config.Lambda,
        UpstreamModel = "v: digits {1, 3, 7, 9}",
        DownstreamModel = $"w: {FairerUpstream.DownstreamTask.Name} from v's softmax, retrained",
        UpstreamLoss = measure,
        DownstreamLoss = measure,
        Profile = Config.Profile,
        Seeds = Config.Seeds,
        Settings = Config.Describe(),
        Upstream = [.. Runs.Select(r => r.Select(upstream).ToArray())],
        Downstream = [.. Runs.Select(r => r.Select(downstream).ToArray())],
    };
}
