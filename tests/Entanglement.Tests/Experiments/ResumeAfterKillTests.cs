using System.Diagnostics;
using Entanglement.Experiments;

namespace Entanglement.Tests.Experiments;

/// <summary>
/// A sweep in another process (the CLI's hidden <c>results simulate-sweep</c>) is killed mid-sweep, as by
/// <c>kill -9</c>; the sweep then resumes here and every run ends up stored exactly once with the right values.
/// </summary>
public sealed class ResumeAfterKillTests
{
    private static readonly Sweep<int> Simulated = new(
        "simulated", "test", Enumerable.Range(0, 20).ToList(), Enumerable.Range(0, 3).ToList());

    [Fact]
    public void A_killed_sweep_resumes_without_losing_or_duplicating_a_run()
    {
        using var folder = new TempFolder();
        var path = folder.File("results.db");
        var reported = 0;
        using (var child = StartSimulatedSweep(path))
        {
            // Kill the child without warning once it has committed three runs.
            var clock = Stopwatch.StartNew();
            while ((reported = StoredCount(path)) < 3)
            {
                if (child.HasExited)
                {
                    Assert.Fail("the sweep process ended before it was killed: " + child.StandardError.ReadToEnd());
                }

                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(60), "the sweep process committed nothing in 60 s");
                Thread.Sleep(50);
            }

            child.Kill(entireProcessTree: true);
            child.WaitForExit();
            Assert.True(child.ExitCode != 0, $"exit {child.ExitCode}, {StoredCount(path)} stored");
        }

        using var store = ResultsStore.Open(path);
        var beforeResume = store.Count;
        Assert.InRange(beforeResume, reported, Simulated.Runs().Count - 1);

        var summary = new SweepRunner(store).Run(Simulated, run => new RunOutcome(new Dictionary<string, double>
        {
            ["upstream"] = run.Point + (run.Seed / 10.0),
            ["downstream"] = run.Point * run.Seed,
        }));

        Assert.Equal(beforeResume, summary.Skipped);
        Assert.Equal(Simulated.Runs().Count - beforeResume, summary.Ran);
        var runs = store.Runs();
        Assert.Equal(Simulated.Runs().Select(r => r.Key).Order(), runs.Select(r => r.Key).Order());
        Assert.All(runs, r =>
        {
            Assert.Equal(2, r.Losses.Count);
            Assert.Equal(r.PointIndex + (r.Seed / 10.0), r.Losses["upstream"]);
            Assert.Equal(r.PointIndex * r.Seed, r.Losses["downstream"]);
        });
    }

    private static int StoredCount(string path)
    {
        try
        {
            using var store = ResultsStore.OpenReadOnly(path);
            return store.Count;
        }
        catch (Exception e) when (e is FileNotFoundException or Microsoft.Data.Sqlite.SqliteException)
        {
            return 0; // not created yet, or the schema is not written yet
        }
    }

    private static Process StartSimulatedSweep(string store)
    {
        // artifacts/bin/Entanglement.Tests/<configuration>/ → artifacts/bin/Workbook/<configuration>/workbook.dll
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var cli = Path.Combine(testBin.Parent?.Parent?.FullName ?? "", "Workbook", testBin.Name, "workbook.dll");
        Assert.True(File.Exists(cli), $"the workbook CLI is not built at {cli}; build Workbook.sln first");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        string[] arguments =
            [cli, "results", "simulate-sweep", "--store", store, "--points", "20", "--seeds", "3", "--delay-ms", "100"];
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return Process.Start(start) ?? throw new InvalidOperationException("could not start dotnet");
    }
}
