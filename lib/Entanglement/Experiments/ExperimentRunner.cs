using Entanglement.Scenarios;

namespace Entanglement.Experiments;

/// <summary>
/// The experiments of the paper run resumably: every finished (point, seed) run is committed to the results store,
/// so an interrupted run loses nothing and a repeated one computes nothing twice. The result is the scenario's own.
/// </summary>
public static class ExperimentRunner
{
    /// <summary>
    /// Loss-function mismatch (§4.1.1) through the store. With a shard, throws <see cref="IncompleteSweepException"/>
    /// after its runs are committed while other shards' runs are still missing.
    /// </summary>
    public static SweepResult Run(LossFunctionMismatch.Config config, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Sweep("loss-function-mismatch", config, config.Profile, config.Dataset, LossFunctionMismatch.Describe(config),
            (p, s, progress) => LossFunctionMismatch.RunOne(config, p, s, progress), options ?? new ExperimentOptions());
    }

    /// <summary>Data-distribution mismatch (§4.1.2) through the store.</summary>
    public static SweepResult Run(DataDistributionMismatch.Config config, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Sweep("data-distribution-mismatch", config, config.Profile, config.Dataset, DataDistributionMismatch.Describe(config),
            (p, s, progress) => DataDistributionMismatch.RunOne(config, p, s, progress), options ?? new ExperimentOptions());
    }

    /// <summary>Hypothesis-space mismatch (§4.1.3) through the store.</summary>
    public static SweepResult Run(HypothesisSpaceMismatch.Config config, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Sweep("hypothesis-space-mismatch", config, config.Profile, config.Dataset, HypothesisSpaceMismatch.Describe(config),
            (p, s, progress) => HypothesisSpaceMismatch.RunOne(config, p, s, progress), options ?? new ExperimentOptions());
    }

    /// <summary>Anti-correlated errors (§4.2) through the store: one run per seed covers the whole noise grid.</summary>
    public static AntiCorrelatedResult Run(AntiCorrelatedErrors.Config config, ExperimentOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        options ??= new ExperimentOptions();
        var n = config.P.Count;
        var runs = StoredSweep.Run("anti-correlated-errors", config, config.Profile, config.Dataset, [0.0], config.Seeds,
            (_, seed) =>
            {
                var grid = AntiCorrelatedErrors.RunOne(config, seed, options.Progress);
                return new RunOutcome(Flatten(grid)) { Outcomes = grid.Outcomes };
            }, options);
        return AntiCorrelatedResult.From(config, [.. config.Seeds.Select(s => Unflatten(runs[(0, s)], n))]);
    }

    private static SweepResult Sweep<TConfig>(
        string name, TConfig config, Profile profile, Data.DatasetKind dataset, SweepShape shape,
        Func<int, int, IProgress<string>?, RunLosses> runOne, ExperimentOptions options)
    {
        var runs = StoredSweep.Run(name, config, profile, dataset, shape.KnobValues, shape.Seeds, (p, s) =>
        {
            var losses = runOne(p, s, options.Progress);
            return new RunOutcome(new Dictionary<string, double> { ["upstream"] = losses.Upstream, ["downstream"] = losses.Downstream })
            {
                Outcomes = losses.Outcomes,
            };
        }, options);
        double[][] Pick(string loss) =>
            [.. shape.KnobValues.Select((_, p) => shape.Seeds.Select(s => runs[(p, s)][loss]).ToArray())];
        return SweepResult.From(shape, Pick("upstream"), Pick("downstream"));
    }

    private static Dictionary<string, double> Flatten(AntiCorrelatedErrors.SeedGrid grid)
    {
        var losses = new Dictionary<string, double>();
        for (var a = 0; a < grid.UError.Length; a++)
        {
            losses[$"u[{a}]"] = grid.UError[a];
            losses[$"v[{a}]"] = grid.VError[a];
            if (double.IsFinite(grid.FlippedOnes[a]))
            {
                losses[$"flipped-1s[{a}]"] = grid.FlippedOnes[a];
            }
            for (var b = 0; b < grid.VError.Length; b++)
            {
                losses[$"w-bayes[{a},{b}]"] = grid.WBayes[a, b];
                losses[$"w-rule[{a},{b}]"] = grid.WRule[a, b];
                losses[$"w-linear[{a},{b}]"] = grid.WLinear[a, b];
            }
        }

        return losses;
    }

    private static AntiCorrelatedErrors.SeedGrid Unflatten(IReadOnlyDictionary<string, double> losses, int n)
    {
        double[,] Grid(string name)
        {
            var g = new double[n, n];
            for (var a = 0; a < n; a++)
            {
                for (var b = 0; b < n; b++)
                {
                    g[a, b] = losses[$"{name}[{a},{b}]"];
                }
            }

            return g;
        }

        return new AntiCorrelatedErrors.SeedGrid(
            [.. Enumerable.Range(0, n).Select(a => losses[$"u[{a}]"])],
            [.. Enumerable.Range(0, n).Select(a => losses[$"v[{a}]"])],
            Grid("w-bayes"), Grid("w-rule"), Grid("w-linear"),
            [.. Enumerable.Range(0, n).Select(a => losses.GetValueOrDefault($"flipped-1s[{a}]", double.NaN))]);
    }
}
