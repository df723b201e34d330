using System.CommandLine;
using Entanglement.Kernel;
using Entanglement.Notebooks;

namespace Workbook.Commands;

/// <summary><c>workbook report</c>: runs every notebook and writes executed notebooks, HTML pages and an index.</summary>
internal static class ReportCommand
{
    public static Command Create()
    {
        var profile = ReportPageOptions.Profile();
        var output = new Option<DirectoryInfo>("--out")
        {
            Description = "Folder for executed notebooks, HTML pages and index.html.",
            DefaultValueFactory = _ => new DirectoryInfo("reports"),
        };
        var notebooks = new Option<DirectoryInfo>("--notebooks")
        {
            Description = "Folder of the notebooks to run (in name order).",
            DefaultValueFactory = _ => new DirectoryInfo("notebooks"),
        };
        var plotly = ReportPageOptions.Plotly("offline");
        var command = new Command("report", "Run every notebook and write reports/ with an index.html linking them.")
        {
            profile, output, notebooks, plotly,
        };
        var (engine, device) = EngineOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (EngineOptions.Apply(parse.GetValue(engine), parse.GetValue(device)) is { } engineError)
            {
                await Console.Error.WriteLineAsync(engineError.Message);
                return engineError.ExitCode;
            }

            var outFolder = parse.GetRequiredValue(output).FullName;
            var options = new ReportBuildOptions
            {
                Profile = parse.GetValue(profile) ?? NotebookRunOptions.DefaultProfile,
                Html = ReportPageOptions.Create(parse.GetValue(plotly) ?? "offline"),
            };
            var entries = await ReportBuilder.BuildAsync(new NotebookExecutor(), parse.GetRequiredValue(notebooks).FullName, outFolder, options,
                ConsoleProgress.ForNotebooks(), cancellationToken);
            foreach (var entry in entries.Where(e => !e.Succeeded))
            {
                await Console.Error.WriteLineAsync(entry.Error);
            }

            Console.WriteLine($"{entries.Count(e => e.Succeeded)} of {entries.Count} notebooks ran; "
                + $"index: {Path.Combine(outFolder, ReportBuilder.IndexFileName)}");
            return entries.All(e => e.Succeeded) ? 0 : 1;
        });
        return command;
    }
}
