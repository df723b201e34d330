using System.CommandLine;
using Entanglement.Experiments;
using ScenarioProfile = Entanglement.Scenarios.Profile;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary>
/// <c>workbook diagnose &lt;experiment&gt;|all</c>: flips, error decomposition and root-cause diagnosis from the stored
/// runs' per-example outcomes. Trains nothing; without stored runs it names the command that makes them.
/// </summary>
internal static class DiagnoseCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("experiment")
        {
            Description = $"One of {string.Join(", ", StoredOutcomes.Experiments)}, {PseudoLidarExperiment.Name}, or 'all'.",
        };
        var profile = new Option<string>("--profile") { Description = "smoke, quick or paper.", DefaultValueFactory = _ => "quick" };
        var store = new Option<string>("--store")
        {
            Description = "Results store to read.",
            DefaultValueFactory = _ => ExperimentOptions.DefaultStorePath(),
        };
        var alpha = new Option<double>("--alpha") { Description = "Significance level of every test.", DefaultValueFactory = _ => 0.05 };
        var command = new Command("diagnose", "Say why an improvement defeated itself: flips, error decomposition and diagnosis from the store.");
        command.Arguments.Add(name);
        command.Options.Add(profile);
        command.Options.Add(store);
        command.Options.Add(alpha);
        command.SetAction(parse =>
        {
            var requested = parse.GetValue(name) ?? "all";
            IReadOnlyList<string> experiments = string.Equals(requested, "all", StringComparison.OrdinalIgnoreCase)
                ? [.. StoredOutcomes.Experiments, PseudoLidarExperiment.Name]
                : [requested];
            var chosen = ScenarioProfile.Parse(parse.GetValue(profile) ?? "quick");
            var path = parse.GetValue(store) ?? ExperimentOptions.DefaultStorePath();
            var missing = 0;
            foreach (var experiment in experiments)
            {
                try
                {
                    if (experiment == PseudoLidarExperiment.Name)
                    {
                        var config = Entanglement.Scenarios.PseudoLidar.PseudoLidarCaseStudy.Config.For(chosen);
                        Console.WriteLine(PseudoLidarOutcomes.Why(config, path, parse.GetValue(alpha)).Text);
                        continue;
                    }

                    foreach (var sweep in StoredOutcomes.Load(experiment, chosen, path))
                    {
                        var report = Entanglement.Diagnostics.WhyReport.Of(sweep, parse.GetValue(alpha));
                        Console.WriteLine(report.Text);
                    }
                }
                catch (MissingOutcomesException e)
                {
                    missing++;
                    AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(experiment)}: {Markup.Escape(e.Message)}[/]");
                }
            }

            return missing == experiments.Count ? 1 : 0;
        });
        return command;
    }
}
