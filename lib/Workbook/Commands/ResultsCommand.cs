using System.CommandLine;
using System.Globalization;
using Entanglement.Experiments;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary><c>workbook results show|export|merge</c>: inspect, export and combine results stores.</summary>
internal static class ResultsCommand
{
    public static Command Create()
    {
        var command = new Command("results", "Inspect, export and merge results stores (SQLite) of sweeps.");
        command.Subcommands.Add(Show());
        command.Subcommands.Add(Export());
        command.Subcommands.Add(Merge());
        command.Subcommands.Add(SimulateSweepCommand.Create());
        return command;
    }

    private static Option<string> StoreOption() => new("--store")
    {
        Description = "Path of the results store.",
        DefaultValueFactory = _ => ExperimentOptions.DefaultStorePath(),
    };

    private static Option<string?> ScenarioOption() => new("--scenario") { Description = "Only this scenario." };

    private static Command Show()
    {
        var store = StoreOption();
        var scenario = ScenarioOption();
        var perRun = new Option<bool>("--runs") { Description = "One row per run instead of per point." };
        var command = new Command("show", "Show stored results: per point the mean ± sd of every loss over seeds.");
        command.Options.Add(store);
        command.Options.Add(scenario);
        command.Options.Add(perRun);
        command.SetAction(parse =>
        {
            using var results = ResultsStore.OpenReadOnly(parse.GetValue(store) ?? ExperimentOptions.DefaultStorePath());
            var runs = results.Runs(parse.GetValue(scenario));
            AnsiConsole.Write(parse.GetValue(perRun) ? ResultsTables.PerRun(runs) : ResultsTables.PerPoint(runs));
            AnsiConsole.MarkupLine(Markup.Escape(
                string.Create(CultureInfo.InvariantCulture, $"{runs.Count} runs in {results.Path}")));
            return 0;
        });
        return command;
    }

    private static Command Export()
    {
        var store = StoreOption();
        var scenario = ScenarioOption();
        var format = new Option<string>("--format") { Description = "csv or json.", DefaultValueFactory = _ => "csv" };
        format.AcceptOnlyFromAmong("csv", "json");
        var output = new Option<string?>("--out") { Description = "Output file (default: standard output)." };
        var command = new Command("export", "Export every stored run as CSV or JSON.");
        command.Options.Add(store);
        command.Options.Add(scenario);
        command.Options.Add(format);
        command.Options.Add(output);
        command.SetAction(parse =>
        {
            using var results = ResultsStore.OpenReadOnly(parse.GetValue(store) ?? ExperimentOptions.DefaultStorePath());
            var runs = results.Runs(parse.GetValue(scenario));
            var path = parse.GetValue(output);
            using var writer = path is null ? Console.Out : new StreamWriter(path);
            if (parse.GetValue(format) == "json")
            {
                ResultsExport.WriteJson(runs, writer);
            }
            else
            {
                ResultsExport.WriteCsv(runs, writer);
            }

            return 0;
        });
        return command;
    }

    private static Command Merge()
    {
        var target = new Argument<string>("out") { Description = "The store to merge into (created if missing)." };
        var shards = new Argument<string[]>("shards") { Description = "Stores to copy from.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("merge", "Merge shard stores into one, skipping runs already present.");
        command.Arguments.Add(target);
        command.Arguments.Add(shards);
        command.SetAction(parse =>
        {
            using var results = ResultsStore.Open(parse.GetValue(target) ?? ResultsStore.DefaultPath);
            var merged = results.Merge(parse.GetValue(shards) ?? []);
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"merged into {results.Path}: {merged.Added} added, {merged.Duplicates} duplicates skipped, {merged.Conflicts.Count} conflicts; {results.Count} runs in all"));
            foreach (var key in merged.Conflicts)
            {
                Console.Error.WriteLine($"conflict (kept the existing run): {key}");
            }

            return merged.Conflicts.Count == 0 ? 0 : 2;
        });
        return command;
    }
}
