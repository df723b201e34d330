namespace Entanglement.Tests.Notebooks;

/// <summary>
/// The kernel VS Code Polyglot Notebooks and Jupyter run: the <c>Microsoft.dotnet-interactive</c> tool of the
/// repository's tool manifest, driven through Jupyter's nbconvert as a user would.
/// </summary>
internal static class OfficialKernel
{
    public const string KernelName = ".net-csharp";

    private static readonly Lazy<string?> FoundPython = new(FindPython);
    private static readonly Lazy<string> Prepared = new(Prepare);

    /// <summary>A python3 that imports nbconvert and nbclient, or null.</summary>
    public static string? Python => FoundPython.Value;

    /// <summary>The repository root (holding <c>Workbook.sln</c> and <c>dotnet-tools.json</c>).</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>
    /// Restores the tool and installs its Jupyter kernel spec when missing (what <c>dotnet interactive jupyter install</c>
    /// does for a user), once per test run; returns the python to drive it with.
    /// </summary>
    public static string Ensure() => Prepared.Value;

    private static string Prepare()
    {
        var python = Python ?? throw new InvalidOperationException(
            "python3 with nbconvert and nbclient not found (apt-get install -y python3-nbconvert python3-nbclient jupyter-client)");
        Check(ChildProcess.Run("dotnet", ["tool", "restore"], Root, TimeSpan.FromMinutes(5)), "dotnet tool restore");
        var spec = ChildProcess.Run(python, ["-c", $"import jupyter_client.kernelspec as k; k.get_kernel_spec('{KernelName}')"],
            Root, TimeSpan.FromMinutes(1));
        if (spec.ExitCode != 0)
        {
            Check(ChildProcess.Run("dotnet", ["interactive", "jupyter", "install"], Root, TimeSpan.FromMinutes(2)),
                "dotnet interactive jupyter install");
        }

        return python;
    }

    private static void Check(ChildProcess.Outcome outcome, string what)
    {
        if (outcome.ExitCode != 0)
        {
            throw new InvalidOperationException($"{what} failed ({outcome.ExitCode}):\n{outcome.Output}");
        }
    }

    private static string? FindPython()
    {
        foreach (var candidate in new[] { "/usr/bin/python3", ChromiumFactAttribute.FindOnPath("python3") })
        {
            if (candidate is not null && File.Exists(candidate)
                && ChildProcess.Run(candidate, ["-c", "import nbconvert, nbclient"], Root, TimeSpan.FromMinutes(1)).ExitCode == 0)
            {
                return candidate;
            }
        }

        return null;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbook.sln")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("Workbook.sln not found above " + AppContext.BaseDirectory);
    }
}
