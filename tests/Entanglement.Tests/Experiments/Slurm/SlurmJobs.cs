using Entanglement.Experiments.Slurm;

namespace Entanglement.Tests.Experiments.Slurm;

/// <summary>Sample <see cref="SlurmJob"/>s for the tests.</summary>
internal static class SlurmJobs
{
    public static SlurmJob Sample(string runDirectory, IReadOnlyList<string>? workbook = null) => new()
    {
        Experiment = "loss-function-mismatch",
        Profile = "smoke",
        Shards = 3,
        RunDirectory = runDirectory,
        WorkbookCommand = workbook ?? ["dotnet", "/opt/work book/workbook.dll"],
    };
}
