using Entanglement.Experiments;
using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

/// <summary>
/// Every notebook runs unchanged in the official .NET Interactive kernel (the one VS Code Polyglot Notebooks runs),
/// driven by Jupyter's nbconvert exactly as a user would: <c>jupyter nbconvert --to notebook --execute
/// --ExecutePreprocessor.kernel_name=.net-csharp</c>, on the smoke profile.
/// </summary>
[Collection(OfficialKernelRuns.Name)]
public sealed class OfficialKernelTests : IDisposable
{
    private readonly string _work = Directory.CreateTempSubdirectory("workbook-official-kernel-").FullName;

    public static TheoryData<string> Notebooks() => NotebookChecks.Names();

    public void Dispose() => Directory.Delete(_work, recursive: true);

    [JupyterTheory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_runs_in_the_official_kernel_through_Jupyter(string name)
    {
        var python = OfficialKernel.Ensure();
        var environment = new Dictionary<string, string>
        {
            [NotebookRunOptions.ProfileVariable] = "smoke",
            [ExperimentOptions.StoreVariable] = Path.Combine(_work, "store.db"),
        };

        var run = ChildProcess.Run(python,
        [
            "-m", "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
            $"--ExecutePreprocessor.kernel_name={OfficialKernel.KernelName}", "--ExecutePreprocessor.timeout=1200",
            "--output-dir", _work, Path.Combine(NotebookChecks.Folder, name),
        ], NotebookChecks.Folder, TimeSpan.FromMinutes(25), environment);

        Assert.True(run.ExitCode == 0, run.Output);
        NotebookChecks.AssertRanCleanly(NotebookDocument.Load(Path.Combine(_work, name)), "smoke");
    }
}

/// <summary>Official-kernel runs start a kernel process each; one at a time keeps the two cores for the kernel.</summary>
[CollectionDefinition(Name)]
public sealed class OfficialKernelRuns
{
    public const string Name = "official kernel runs";
}
