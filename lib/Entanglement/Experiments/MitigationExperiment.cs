using Entanglement.Mitigations;

namespace Entanglement.Experiments;

/// <summary>
/// The mitigation study through the results store: one run per (experiment, seed) makes that experiment's update
/// without and with every mitigation, committed as soon as it finishes, so the study resumes, shards and, repeated,
/// trains nothing.
/// </summary>
public static class MitigationExperiment
{
    /// <summary>The study's name in the store and on the command line.</summary>
    public const string Name = "mitigations";

    /// <summary>Runs what the store lacks and assembles every comparison from the stored numbers.</summary>
    /// <exception cref="IncompleteSweepException">A shard finished but other shards' runs are not in the store yet.</exception>
    public static MitigationResult Run(MitigationStudy.Config config, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new ExperimentOptions();
        var experiments = MitigationStudy.Experiments.Select((_, i) => (double)i).ToArray();
        var runs = StoredSweep.Run(Name, config, config.Profile, config.LossFunction.Dataset, experiments, config.Seeds,
            (e, seed) => new RunOutcome(MitigationStudy.RunOne(config, e, seed, options.Progress)
                .SelectMany(u => u.ToLosses()).ToDictionary(kv => kv.Key, kv => kv.Value)), options);
        return MitigationResult.From(config, (e, seed) => Updates(runs[(e, seed)]));
    }

    /// <summary>The updates stored as one run's named numbers (see <see cref="MitigatedUpdate.ToLosses"/>).</summary>
    public static IReadOnlyList<MitigatedUpdate> Updates(IReadOnlyDictionary<string, double> losses)
    {
        ArgumentNullException.ThrowIfNull(losses);
        var updates = new List<MitigatedUpdate>();
        foreach (var m in Enum.GetValues<Mitigation>())
        {
            var prefix = m + ".";
            if (!losses.ContainsKey(prefix + "downstream.after"))
            {
                continue;
            }

            double Get(string name) => losses.GetValueOrDefault(prefix + name, double.NaN);
            updates.Add(new MitigatedUpdate
            {
                Mitigation = m,
                UpstreamBefore = Get("upstream.before"),
                UpstreamAfter = Get("upstream.after"),
                DownstreamBefore = Get("downstream.before"),
                DownstreamAfter = Get("downstream.after"),
                DownstreamFlips = Flips(Get("downstream.nfr"), Get("downstream.pfr"), Get("downstream.before"), Get("downstream.after")),
                UpstreamFlips = Flips(Get("upstream.nfr"), Get("upstream.pfr"), double.NaN, double.NaN),
            });
        }

        return updates;
    }

    // The store keeps the flip rates only; BTC and BEC are not needed by the study.
    private static Diagnostics.FlipMetrics Flips(double nfr, double pfr, double before, double after) =>
        new(0, before, after, nfr, pfr, double.NaN, double.NaN);
}
