using System.CommandLine;
using Entanglement.Experiments;
using ScenarioProfile = Entanglement.Scenarios.Profile;
using Spectre.Console;

namespace Workbook.Commands;

/// <summary><c>workbook list</c>: the experiments and the profiles.</summary>
internal static class ListCommand
{
    public static Command Create()
    {
        var command = new Command("list", "List the experiments and the profiles.");
        command.SetAction(_ =>
        {
            var experiments = new Table().AddColumn("experiment").AddColumn("what it reproduces");
            foreach (var e in ExperimentCatalog.All)
            {
                experiments.AddRow(Markup.Escape(e.Name), Markup.Escape(e.Title));
            }

            var profiles = new Table().AddColumn("profile").AddColumn("meaning");
            foreach (var p in ScenarioProfile.All)
            {
                profiles.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Description));
            }

            AnsiConsole.Write(experiments);
            AnsiConsole.Write(profiles);
            return 0;
        });
        return command;
    }
}
