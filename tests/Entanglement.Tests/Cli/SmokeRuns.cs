using Entanglement.Tests.Experiments;

namespace Entanglement.Tests.Cli;

/// <summary>
/// <c>workbook run all --profile smoke --json</c> from an empty store, once for the tests of the <see cref="SmokeRunsGroup.Name"/>
/// collection: its JSON summary and its store (the uninterrupted reference for the interrupted sweeps).
/// </summary>
public sealed class SmokeRuns : IDisposable
{
    private readonly TempFolder _folder = new();

    public SmokeRuns()
    {
        StorePath = _folder.File("reference.db");
        JsonPath = _folder.File("summary.json");
        (ExitCode, _, Stderr) = WorkbookProcess.Run(
            ["run", "all", "--profile", "smoke", "--store", StorePath, "--json", JsonPath]);
    }

    public string StorePath { get; }

    public string JsonPath { get; }

    public int ExitCode { get; }

    public string Stderr { get; }

    public void Dispose() => _folder.Dispose();
}
