using System.Text.Json;
using Entanglement.Diagnostics;
using Entanglement.Scenarios;
using Entanglement.Scenarios.Toy;

namespace Entanglement.Experiments;

/// <summary>
/// The per-example outcomes of an experiment's runs, read from the results store (nothing is trained; the toy
/// illustrations are closed-form and computed on the spot) as the <see cref="OutcomeSweep"/>s a diagnosis reads.
/// </summary>
public static class StoredOutcomes
{
    /// <summary>Experiments whose outcomes can be diagnosed, in the paper's order.</summary>
    public static IReadOnlyList<string> Experiments { get; } =
    [
        "toy-hypothesis-space", "toy-anti-correlated", "loss-function-mismatch", "data-distribution-mismatch",
        "hypothesis-space-mismatch", "anti-correlated-errors",
    ];

    /// <summary>
    /// The outcome sweeps of <paramref name="experiment"/> on <paramref name="profile"/> (two for anti-correlated
    /// errors: improving u, improving v). Throws <see cref="MissingOutcomesException"/> naming the command to run when
    /// the store lacks the runs or holds them without outcomes.
    /// </summary>
    public static IReadOnlyList<OutcomeSweep> Load(string experiment, Profile profile, string? storePath = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(experiment);
        ArgumentNullException.ThrowIfNull(profile);
        var store = storePath ?? ExperimentOptions.DefaultStorePath();
        switch (experiment)
        {
            case "toy-hypothesis-space":
                return [ToyHypothesisSpaceMismatch.Run(ToyHypothesisSpaceMismatch.Config.For(profile)).Outcomes];
            case "toy-anti-correlated":
                return [ToyAntiCorrelatedErrors.Run(ToyAntiCorrelatedErrors.Config.For(profile)).Outcomes];
            case "loss-function-mismatch":
                {
                    var config = LossFunctionMismatch.Config.For(profile);
                    return [Single(experiment, config, LossFunctionMismatch.Describe(config), profile, store)];
                }

            case "data-distribution-mismatch":
                {
                    var config = DataDistributionMismatch.Config.For(profile);
                    return [Single(experiment, config, DataDistributionMismatch.Describe(config), profile, store)];
                }

            case "hypothesis-space-mismatch":
                {
                    var config = HypothesisSpaceMismatch.Config.For(profile);
                    return [Single(experiment, config, HypothesisSpaceMismatch.Describe(config), profile, store)];
                }

            case "anti-correlated-errors":
                {
                    var config = AntiCorrelatedErrors.Config.For(profile);
                    var runs = Read(experiment, config, profile, store);
                    var shape = AntiCorrelatedResult.From(config, [.. runs.Select(_ => Placeholder(config.P.Count))]);
                    return [AntiCorrelated(shape.ImproveU, runs, config.P.Count, improveU: true),
                    AntiCorrelated(shape.ImproveV, runs, config.P.Count, improveU: false)];
                }

            default:
                throw new ArgumentException(
                    $"No per-example outcomes for '{experiment}'; expected one of: {string.Join(", ", Experiments)}.", nameof(experiment));
        }
    }

    /// <summary>
    /// The "Why" analyses of an experiment from the store, one per outcome sweep (a notebook's one-line call; the
    /// figures come from <c>DiagnosisCharts</c>).
    /// </summary>
    public static IReadOnlyList<WhyReport> Why(string experiment, Profile profile, string? storePath = null) =>
        [.. Load(experiment, profile, storePath).Select(s => WhyReport.Of(s))];

    private static OutcomeSweep Single<TConfig>(string experiment, TConfig config, SweepShape shape, Profile profile, string store)
    {
        var runs = Read(experiment, config, profile, store);
        return new OutcomeSweep
        {
            Experiment = shape.Experiment,
            Knob = shape.Knob,
            KnobValues = shape.KnobValues,
            Updated = "upstream",
            Runs = [.. runs.Select(r => SystemRun.Of(r.Point, r.Seed, r.Outcomes))],
            Provenance = $"profile {profile.Name}, seeds {string.Join(", ", runs.Select(r => r.Seed).Distinct().Order())}",
        };
    }

    private static OutcomeSweep AntiCorrelated(SweepResult shape, IReadOnlyList<(int Point, int Seed, IReadOnlyList<VertexOutcomes> Outcomes)> runs, int n, bool improveU)
    {
        var last = n - 1;
        var (updated, other) = improveU ? ("u", "v") : ("v", "u");
        var systems = new List<SystemRun>();
        foreach (var (_, seed, outcomes) in runs)
        {
            var byName = outcomes.ToDictionary(o => o.Vertex, StringComparer.Ordinal);
            for (var point = 0; point < n; point++)
            {
                var k = last - point;
                var cell = improveU ? $"[{k},{last}]" : $"[{last},{k}]";
                var vertices = new List<VertexOutcomes>
                {
                    byName[$"{updated}[{k}]"].Named(updated),
                    byName[$"{other}[{last}]"].Named(other),
                    byName[$"w{cell}"].Named("downstream"),
                };
                foreach (var probe in new[] { OutcomeRecorder.Knn, OutcomeRecorder.InClass })
                {
                    if (byName.TryGetValue(probe + cell, out var p))
                    {
                        vertices.Add(p.Named(probe));
                    }
                }

                systems.Add(SystemRun.Of(point, seed, vertices));
            }
        }

        return new OutcomeSweep
        {
            Experiment = $"{shape.Experiment}, improving {updated}",
            Knob = shape.Knob,
            KnobValues = shape.KnobValues,
            Updated = updated,
            OtherUpstreams = [other],
            Runs = systems,
            Provenance = shape.Provenance,
        };
    }

    private static AntiCorrelatedErrors.SeedGrid Placeholder(int n) =>
        new(new double[n], new double[n], new double[n, n], new double[n, n], new double[n, n], new double[n]);

    private static List<(int Point, int Seed, IReadOnlyList<VertexOutcomes> Outcomes)> Read<TConfig>(
        string experiment, TConfig config, Profile profile, string storePath)
    {
        var command = $"workbook run {experiment} --profile {profile.Name} --store {storePath}";
        if (!File.Exists(storePath))
        {
            throw new MissingOutcomesException($"No results store at '{storePath}'. Run `{command}` first.");
        }

        var hash = ConfigHash.OfSweepConfig(config).Hash;
        using var store = ResultsStore.OpenReadOnly(storePath);
        var runs = store.RunsWithOutcomes(experiment)
            .Where(r => r.Profile == profile.Name)
            .SelectMany(r => JsonSerializer.Deserialize<ExperimentPoint>(r.PointJson) is { } p && p.Config == hash
                ? new[] { (Run: r, Point: p) }
                : [])
            .ToList();
        if (runs.Count == 0)
        {
            throw new MissingOutcomesException(
                $"The store '{storePath}' holds no runs of {experiment} on the {profile.Name} profile's current settings. Run `{command}`.");
        }

        var bare = runs.Count(x => x.Run.Outcomes.Count == 0);
        return bare > 0
            ? throw new MissingOutcomesException(
                $"{bare} of the {runs.Count} stored runs of {experiment} ({profile.Name}) predate per-example outcomes. " +
                $"Run `{command.Replace(storePath, "<new store>", StringComparison.Ordinal)}` with a fresh store, or delete those runs and run `{command}`.")
            : [.. runs.Select(x => (x.Point.Index, x.Run.Seed, x.Run.Outcomes))];
    }
}
