using System.CommandLine;
using Entanglement.Kernel;
using Entanglement.Notebooks;

namespace Workbook.Commands;

/// <summary><c>workbook notebook run</c>: executes notebooks headlessly and writes the executed notebook and/or HTML.</summary>
internal static class NotebookCommand
{
    public static Command Create()
    {
        var command = new Command("notebook", "Run the C# notebooks headlessly (the .NET Interactive C# kernel, hosted in this process).");
        command.Subcommands.Add(CreateRun());
        return command;
    }

    private static Command CreateRun()
    {
        var path = new Argument<string>("path") { Description = "A notebook (.ipynb) or a folder of notebooks (run in name order)." };
        var profile = ReportPageOptions.Profile();
        var html = new Option<DirectoryInfo?>("--html") { Description = "Write a self-contained HTML report per notebook into this folder." };
        var inplace = new Option<bool>("--inplace") { Description = "Overwrite each notebook with its executed version." };
        var output = new Option<DirectoryInfo?>("--output")
        {
            Description = "Write executed notebooks into this folder (default: reports/ unless --inplace or --html is given).",
        };
        var plotly = ReportPageOptions.Plotly("cdn");
        var command = new Command("run", "Run a notebook's C# cells in order in the .NET Interactive C# kernel, recording outputs as Jupyter does.")
        {
            path, profile, html, inplace, output, plotly,
        };
        var (engine, device) = EngineOptions.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            if (EngineOptions.Apply(parse.GetValue(engine), parse.GetValue(device)) is { } engineError)
            {
                await Console.Error.WriteLineAsync(engineError.Message);
                return engineError.ExitCode;
            }

            var htmlFolder = parse.GetValue(html)?.FullName;
            var inPlace = parse.GetValue(inplace);
            var notebookFolder = parse.GetValue(output)?.FullName ?? (inPlace || htmlFolder is not null ? null : "reports");
            var options = new ReportBuildOptions
            {
                Profile = parse.GetValue(profile) ?? NotebookRunOptions.DefaultProfile,
                NotebookDirectory = notebookFolder,
                InPlace = inPlace,
                HtmlDirectory = htmlFolder,
                Html = ReportPageOptions.Create(parse.GetValue(plotly) ?? "cdn"),
            };
            var failures = 0;
            var progress = ConsoleProgress.ForNotebooks();
            var runner = new NotebookExecutor();
            foreach (var notebook in ReportBuilder.FindNotebooks(parse.GetValue(path) ?? "."))
            {
                Console.WriteLine($"running {notebook} (profile {options.Profile})");
                var (_, entry) = await ReportBuilder.RunAsync(runner, notebook, options, cancellationToken: cancellationToken,
                    progress: progress);
                if (entry.Error is { } error)
                {
                    failures++;
                    await Console.Error.WriteLineAsync(error);
                    continue;
                }

                Console.WriteLine($"ok {notebook}: {FormatWritten(entry)}");
            }

            return failures == 0 ? 0 : 1;
        });
        return command;
    }

    private static string FormatWritten(ReportEntry entry)
    {
        var written = new[] { entry.NotebookLink, entry.HtmlLink }.OfType<string>().ToArray();
        return written.Length == 0 ? "nothing written" : "wrote " + string.Join(", ", written);
    }
}
