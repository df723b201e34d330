using System.CommandLine;
using Entanglement.Data;
using Entanglement.Experiments;
using ScenarioProfile = Entanglement.Scenarios.Profile;
using Spectre.Console;
using Workbook.Cli;

namespace Workbook.Commands;

/// <summary><c>workbook run &lt;experiment&gt;|all</c>: runs experiments resumably and prints a table per experiment.</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("experiment") { Description = "An experiment name (see `workbook list`) or 'all'." }
            .ExperimentName();
        var profile = new Option<string>("--profile") { Description = "smoke, quick or paper.", DefaultValueFactory = _ => "quick" }
            .ProfileName();
        var dataset = new Option<string?>("--dataset") { Description = "digits or svhn (default: the profile's)." }.DatasetName();
        var seeds = new Option<int?>("--seeds") { Description = "Run seeds 0…N−1 instead of the profile's." }
            .Positive("the runs use seeds 0…N−1");
        var store = new Option<string>("--store")
        {
            Description = "Results store; finished runs are reused.",
            DefaultValueFactory = _ => ExperimentOptions.DefaultStorePath(),
        };
        var shard = new Option<string>("--shard") { Description = "k/n (0 ≤ k < n, as job-array indexes): run only this shard of each sweep.", DefaultValueFactory = _ => "0/1" }
            .ShardSpec();
        var json = new Option<string?>("--json") { Description = "Also write the summary as JSON to this file." };
        var workers = new Option<int?>("--workers")
        {
            Description = $"Runs trained at once (default ${ExperimentOptions.WorkersVariable}, else 2 on two or more cores); results do not depend on it.",
        }.Positive("how many runs train at once");
        var command = new Command("run", "Run experiments (resumable: finished runs are kept in the results store).");
        command.Arguments.Add(name);
        foreach (var option in new Option[] { profile, dataset, seeds, store, shard, json, workers })
        {
            command.Options.Add(option);
        }

        var (engine, device) = EngineOptions.AddTo(command);

        command.SetAction((parse, cancellation) =>
        {
            if (EngineOptions.Apply(parse.GetValue(engine), parse.GetValue(device)) is { } engineError)
            {
                Console.Error.WriteLine(engineError.Message);
                return Task.FromResult(engineError.ExitCode);
            }

            var requested = parse.GetValue(name) ?? "all";
            var entries = string.Equals(requested, "all", StringComparison.OrdinalIgnoreCase)
                ? ExperimentCatalog.All
                : [ExperimentCatalog.Find(requested)];
            var kind = parse.GetValue(dataset) is { } d ? Enum.Parse<DatasetKind>(d, ignoreCase: true) : (DatasetKind?)null;
            var outcomes = new List<ExperimentOutcome>();
            foreach (var entry in entries)
            {
                AnsiConsole.MarkupLine($"[bold]{Markup.Escape(entry.Title)}[/]");
                var outcome = AnsiConsole.Status().Start("starting…", ctx =>
                {
                    var options = new ExperimentOptions
                    {
                        StorePath = parse.GetValue(store) ?? ExperimentOptions.DefaultStorePath(),
                        Shard = Shard.Parse(parse.GetValue(shard) ?? "0/1"),
                        Workers = parse.GetValue(workers) ?? ExperimentOptions.DefaultWorkers(),
                        Progress = new Progress<string>(message => ctx.Status(Markup.Escape(message))),
                        Cancellation = cancellation,
                    };
                    try
                    {
                        return entry.Run(new ExperimentRequest(ScenarioProfile.Parse(parse.GetValue(profile) ?? "quick"), kind, parse.GetValue(seeds), options));
                    }
                    catch (IncompleteSweepException e)
                    {
                        AnsiConsole.MarkupLine($"[yellow]{Markup.Escape(e.Message)}[/]");
                        return null;
                    }
                });
                if (outcome is null)
                {
                    continue;
                }

                outcomes.Add(outcome);
                RunTables.Write(outcome);
            }

            if (parse.GetValue(json) is { } path)
            {
                File.WriteAllText(path, RunJson.Serialize(outcomes));
                AnsiConsole.MarkupLine($"summary written to {Markup.Escape(path)}");
            }

            return Task.FromResult(0);
        });
        return command;
    }
}
