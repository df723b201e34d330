using System.Diagnostics;
using Entanglement.Experiments;

namespace Entanglement.Tests.Cli;

/// <summary>The built <c>workbook</c> CLI run as a child process from the repository root, as a user runs it.</summary>
internal sealed class WorkbookProcess : IDisposable
{
    private readonly Process _process;
    private readonly Task<string> _stdout;
    private readonly Task<string> _stderr;

    private WorkbookProcess(Process process)
    {
        _process = process;
        _stdout = process.StandardOutput.ReadToEndAsync();
        _stderr = process.StandardError.ReadToEndAsync();
    }

    /// <summary>Longest a test waits for a command that should finish; a hang, not a timing check.</summary>
    public static TimeSpan Patience { get; } = TimeSpan.FromMinutes(5);

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>
    /// Starts <c>workbook</c> with <paramref name="arguments"/>. SIGINT is reset to its default disposition for the
    /// child (<c>env --default-signal=INT</c>): a shell's background job would otherwise inherit it ignored.
    /// <paramref name="environment"/> sets extra variables for the child.
    /// </summary>
    public static WorkbookProcess Start(string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("env")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryRoot(),
        };
        start.Environment["WORKBOOK_VERBOSE"] = null;
        start.Environment["WORKBOOK_WORKERS"] = null;
        start.Environment[ExperimentOptions.StoreVariable] = null;
        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            start.Environment[name] = value;
        }

        foreach (var argument in (string[])["--default-signal=INT", "dotnet", CliPath(), .. arguments])
        {
            start.ArgumentList.Add(argument);
        }

        return new WorkbookProcess(Process.Start(start) ?? throw new InvalidOperationException("could not start env"));
    }

    /// <summary>Runs <c>workbook</c> to the end: its exit code, standard output and standard error.</summary>
    public static (int ExitCode, string Stdout, string Stderr) Run(
        string[] arguments, IReadOnlyDictionary<string, string>? environment = null)
    {
        using var process = Start(arguments, environment);
        return process.WaitForExit();
    }

    /// <summary>Waits for the end (at most <see cref="Patience"/>): exit code, standard output, standard error.</summary>
    public (int ExitCode, string Stdout, string Stderr) WaitForExit()
    {
        if (!_process.WaitForExit(Patience))
        {
            _process.Kill(entireProcessTree: true);
            Assert.Fail($"workbook did not finish within {Patience}");
        }

        _process.WaitForExit();
        return (_process.ExitCode, _stdout.Result, _stderr.Result);
    }

    /// <summary>Sends a POSIX signal (INT, TERM) as a terminal or a scheduler does.</summary>
    public void Signal(string name)
    {
        using var kill = Process.Start("kill", ["-" + name, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])
            ?? throw new InvalidOperationException("could not start kill");
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    /// <summary>The lines a command wrote to standard error, without empty ones.</summary>
    public static string[] Lines(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string CliPath()
    {
        // artifacts/bin/Entanglement.Tests/<configuration>/ → artifacts/bin/Workbook/<configuration>/workbook.dll
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var cli = Path.Combine(testBin.Parent?.Parent?.FullName ?? "", "Workbook", testBin.Name, "workbook.dll");
        Assert.True(File.Exists(cli), $"the workbook CLI is not built at {cli}; build Workbook.sln first");
        return cli;
    }

    internal static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbook.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Workbook.sln not found above " + AppContext.BaseDirectory);
    }
}
