using System.Diagnostics;

namespace Entanglement.Tests.Experiments.Slurm;

/// <summary>The workbook CLI built beside the tests, run as a separate process.</summary>
internal static class WorkbookCli
{
    /// <summary>artifacts/bin/Entanglement.Tests/&lt;configuration&gt;/ → artifacts/bin/Workbook/&lt;configuration&gt;/workbook.dll.</summary>
    public static string DllPath
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var cli = Path.Combine(testBin.Parent?.Parent?.FullName ?? "", "Workbook", testBin.Name, "workbook.dll");
            Assert.True(File.Exists(cli), $"the workbook CLI is not built at {cli}; build Workbook.sln first");
            return cli;
        }
    }

    /// <summary>Runs <c>dotnet workbook.dll <paramref name="arguments"/></c>; returns its output, failing on a non-zero exit.</summary>
    public static string Run(IReadOnlyDictionary<string, string> environment, TimeSpan limit, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(DllPath);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"workbook {string.Join(' ', arguments)} did not finish within {limit.TotalMinutes} min");
        }

        Assert.True(process.ExitCode == 0, $"workbook {string.Join(' ', arguments)} exited with {process.ExitCode}:\n{output.Result}\n{error.Result}");
        return output.Result;
    }
}
