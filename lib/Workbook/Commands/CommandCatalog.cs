using System.CommandLine;

namespace Workbook.Commands;

/// <summary>Every subcommand of the <c>workbook</c> CLI, in the order <c>--help</c> lists them.</summary>
internal static class CommandCatalog
{
    public static IEnumerable<Command> All()
    {
        yield return ListCommand.Create();
        yield return RunCommand.Create();
        yield return BenchCommand.Create();
        yield return DataCommand.Create();
        yield return NotebookCommand.Create();
        yield return ReportCommand.Create();
        yield return ResultsCommand.Create();
        yield return SlurmCommand.Create();
        yield return DiagnoseCommand.Create();
        yield return SearchCommand.Create();
        yield return DetectorTrialCommand.Create();
    }
}
