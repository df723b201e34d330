using System.CommandLine;
using Entanglement.Experiments.Search;
using Spectre.Console;
using Workbook.Cli;
using ScenarioProfile = Entanglement.Scenarios.Profile;

namespace Workbook.Commands;

/// <summary>
/// <c>workbook search &lt;experiment&gt;</c>: tries every candidate setting of an experiment on search seeds (0–4 only),
/// one after another, and appends each trial to a JSON record as it finishes.
/// </summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var name = new Argument<string>("experiment") { Description = string.Join(" or ", SearchSpaces.Experiments) + "." };
        name.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<string>() is { } value && !SearchSpaces.Experiments.Contains(value))
            {
                result.AddError($"No setting search for '{value}'; expected one of: {string.Join(", ", SearchSpaces.Experiments)}.");
            }
        });
        var profile = new Option<string>("--profile") { Description = "quick (the search) or smoke (plumbing).", DefaultValueFactory = _ => "quick" }
            .ProfileName();
        var seeds = new Option<string>("--seeds") { Description = "Search seeds, e.g. 0-4 or 0,1,2 (only 0–4: 5–9 are held out).", DefaultValueFactory = _ => "0-4" }
            .SearchSeedList();
        var output = new Option<string?>("--out") { Description = $"Record file (default {SearchRecord.Folder}/<experiment>.json); an existing record is resumed." };
        var only = new Option<string[]>("--candidate") { Description = "Run only this candidate (repeatable; default: all, in order).", AllowMultipleArgumentsPerToken = true };
        var list = new Option<bool>("--list") { Description = "List the candidates and exit." };
        var command = new Command("search", "Search quick settings of an experiment on seeds 0–4, recording every setting tried.");
        command.Arguments.Add(name);
        foreach (var option in new Option[] { profile, seeds, output, only, list })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse =>
        {
            var experiment = parse.GetValue(name)!;
            var scenarioProfile = ScenarioProfile.Parse(parse.GetValue(profile) ?? "quick");
            if (scenarioProfile == ScenarioProfile.Paper)
            {
                Console.Error.WriteLine("--profile: a setting search runs on quick or smoke, not paper.");
                return ExitCodes.Usage;
            }

            var candidates = SearchSpaces.For(experiment, scenarioProfile);
            if (parse.GetValue(list))
            {
                foreach (var c in candidates)
                {
                    AnsiConsole.MarkupLine($"[bold]{Markup.Escape(c.Name)}[/]: {Markup.Escape(c.Rationale)}");
                    AnsiConsole.MarkupLine($"  [grey]{Markup.Escape(c.Settings)}[/]");
                }

                return ExitCodes.Ok;
            }

            var seedText = parse.GetValue(seeds) ?? "0-4";
            var path = parse.GetValue(output) ?? Path.Combine(SearchRecord.Folder, experiment + ".json");
            var request = new SearchRequest
            {
                Experiment = experiment,
                Profile = scenarioProfile,
                Seeds = SearchSeeds.Parse(seedText),
                OutPath = path,
                Only = parse.GetValue(only) ?? [],
                Command = $"workbook search {experiment} --profile {scenarioProfile.Name} --seeds {seedText} --out {path}",
            };
            try
            {
                var record = SettingSearch.Run(request, new Progress<string>(m => AnsiConsole.MarkupLine(Markup.Escape(m))));
                foreach (var t in record.Trials)
                {
                    AnsiConsole.MarkupLine(Markup.Escape(FormattableString.Invariant(
                        $"{t.Candidate}: upstream {t.UpstreamBefore:F3} → {t.UpstreamAfter:F3}, downstream {t.DownstreamBefore:F3} → {t.DownstreamAfter:F3} (p {t.DownstreamP:G2}): {t.Verdict}")));
                }

                AnsiConsole.MarkupLine($"record: {Markup.Escape(Path.GetFullPath(path))}");
                return ExitCodes.Ok;
            }
            catch (InvalidOperationException e)
            {
                Console.Error.WriteLine(e.Message);
                return ExitCodes.Usage;
            }
        });
        return command;
    }
}
