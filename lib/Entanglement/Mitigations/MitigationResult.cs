using System.Globalization;
using System.Text;
using Entanglement.Scenarios;

namespace Entanglement.Mitigations;

/// <summary>Every experiment × mitigation of a study over its seeds, with the provenance every chart and table states.</summary>
public sealed record MitigationResult
{
    public required MitigationStudy.Config Config { get; init; }

    /// <summary>Per experiment (in <see cref="MitigationStudy.Experiments"/> order), one comparison per mitigation.</summary>
    public required IReadOnlyList<IReadOnlyList<MitigationComparison>> Comparisons { get; init; }

    /// <summary>The engine that trained the runs, "native (cpu)" or "torch (cuda)".</summary>
    public string Engine { get; init; } = $"{Scenarios.Engines.TrainingEngines.Current.Name} ({Scenarios.Engines.TrainingEngines.Current.Device})";

    /// <summary>"profile quick, seeds 0, 1, 2" (and the engine when it is not the native CPU one).</summary>
    public string Provenance => $"profile {Config.Profile.Name}, seeds {string.Join(", ", Config.Seeds)}"
        + (Engine == "native (cpu)" ? string.Empty : $", engine {Engine}");

    /// <summary>Assembles the comparisons from each (experiment, seed)'s updates.</summary>
    public static MitigationResult From(MitigationStudy.Config config, Func<int, int, IReadOnlyList<MitigatedUpdate>> updates)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(updates);
        var comparisons = new List<IReadOnlyList<MitigationComparison>>();
        for (var e = 0; e < MitigationStudy.Experiments.Count; e++)
        {
            var bySeed = config.Seeds.Select(s => updates(e, s)).ToArray();
            var without = bySeed.Select(u => u.Single(m => m.Mitigation == Mitigation.None)).ToArray();
            var experiment = e;
            comparisons.Add([.. Enum.GetValues<Mitigation>().Select(m =>
            {
                var with = bySeed.Select(u => u.FirstOrDefault(x => x.Mitigation == m)).ToArray();
                var reason = MitigationStudy.NotApplicable(experiment, m)
                    ?? (with.Any(w => w is null) ? "not run (no stored numbers for it)" : null);
                return new MitigationComparison
                {
                    Experiment = MitigationStudy.Experiments[experiment],
                    Mitigation = m,
                    NotApplicable = reason,
                    Without = without,
                    With = reason is null ? [.. with.OfType<MitigatedUpdate>()] : [],
                };
            })]);
        }

        return new MitigationResult { Config = config, Comparisons = comparisons };
    }

    /// <summary>The comparisons of one experiment by its CLI name.</summary>
    public IReadOnlyList<MitigationComparison> Of(string experiment)
    {
        var index = MitigationStudy.Experiments.ToList().IndexOf(experiment);
        return index >= 0
            ? Comparisons[index]
            : throw new ArgumentException($"Unknown experiment '{experiment}'; expected one of {string.Join(", ", MitigationStudy.Experiments)}.", nameof(experiment));
    }

    /// <summary>
    /// Each applicable mitigation's update as a two-point sweep (before, after) with its Definition 2.1 verdict, for the
    /// tables of <c>workbook run</c>.
    /// </summary>
    public IReadOnlyList<SweepResult> Sweeps => [.. Comparisons.SelectMany(rows => rows).Where(c => c.With.Count > 0).Select(c =>
        SweepResult.From(new SweepShape
        {
            Experiment = $"{c.Experiment}, mitigation {c.Mitigation}",
            Knob = "update",
            KnobDescription = "0 = original upstream, 1 = improved upstream (downstream retrained)",
            KnobValues = [0, 1],
            UpstreamModel = "the experiment's upstream",
            DownstreamModel = "the experiment's downstream",
            UpstreamLoss = UpstreamLossName(c.Experiment),
            DownstreamLoss = "zero-one error",
            Profile = Config.Profile,
            Seeds = Config.Seeds,
            Settings = Config.Mitigations.Describe(),
            Engine = Engine,
        },
        [[.. c.With.Select(u => u.UpstreamBefore)], [.. c.With.Select(u => u.UpstreamAfter)]],
        [[.. c.With.Select(u => u.DownstreamBefore)], [.. c.With.Select(u => u.DownstreamAfter)]]))];

    /// <summary>The name of an experiment's upstream test loss ℓ_v.</summary>
    public static string UpstreamLossName(string experiment) => experiment switch
    {
        "loss-function-mismatch" => "MSE",
        "anti-correlated-errors" => "zero-one error of u",
        _ => "1-NN error (cosine)",
    };

    /// <summary>A plain-text verdict table per experiment (what <c>workbook run mitigations</c> prints).</summary>
    public string Summary
    {
        get
        {
            var text = new StringBuilder();
            foreach (var rows in Comparisons)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"{rows[0].Experiment} ({Provenance})");
                foreach (var c in rows)
                {
                    text.AppendLine(CultureInfo.InvariantCulture, $"  {c.Mitigation,-16} {Line(c)}");
                }
            }

            return text.ToString().TrimEnd();
        }
    }

    private static string Line(MitigationComparison c)
    {
        if (c.Change is not { } change || c.Verdict is not { } verdict || c.UpstreamCost is not { } cost)
        {
            return c.Effect;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"Δdownstream {change.After.Mean:+0.0000;-0.0000} (without {change.Before.Mean:+0.0000;-0.0000}); " +
            $"Definition 2.1 {(verdict.IsSelfDefeating ? verdict.IsSignificant ? "holds (significant)" : "holds (not significant)" : "does not hold")}; " +
            $"upstream cost {cost.Difference:+0.0000;-0.0000}; NFR {c.NegativeFlipRate:0.000}, PFR {c.PositiveFlipRate:0.000}; {c.Effect}");
    }
}
