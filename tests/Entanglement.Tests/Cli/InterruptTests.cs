using System.Diagnostics;
using Entanglement.Experiments;
using Entanglement.Tests.Experiments;
using Microsoft.Data.Sqlite;

namespace Entanglement.Tests.Cli;

/// <summary>
/// Ctrl-C (SIGINT) and SIGTERM stop a sweep in the CLI within a training step: the run in progress is abandoned,
/// the committed runs stay whole, the exit code says which signal stopped it, and running the same command again
/// completes the sweep with exactly the numbers of an uninterrupted run.
/// </summary>
[Collection(SmokeRunsGroup.Name)]
public sealed class InterruptTests(SmokeRuns smoke) : IDisposable
{
    private const string Scenario = "loss-function-mismatch";
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Ctrl_c_stops_both_workers_and_the_same_command_resumes()
    {
        var store = _folder.File("sigint.db");
        var stderr = Interrupt(store, "INT", workers: 2, expectedExit: 130);
        Assert.Contains("interrupted by Ctrl-C (SIGINT)", stderr, StringComparison.Ordinal);
        Assert.Contains("run the same command again", stderr, StringComparison.Ordinal);
        AssertResumesToReference(store, workers: 2);
    }

    [Fact]
    public void Sigterm_abandons_the_run_in_progress_and_the_same_command_resumes()
    {
        var store = _folder.File("sigterm.db");
        Interrupt(store, "TERM", workers: 1, expectedExit: 143);

        // One worker: the signal came right after the first commit, while the second run (seconds of training)
        // had only started; it was abandoned, not finished.
        Assert.Equal(1, StoredCount(store));
        AssertResumesToReference(store, workers: 1);
    }

    private static string[] Command(string store, int workers) =>
        ["run", Scenario, "--profile", "smoke", "--store", store, "--workers", workers.ToString(System.Globalization.CultureInfo.InvariantCulture)];

    private string Interrupt(string store, string signal, int workers, int expectedExit)
    {
        Assert.True(smoke.ExitCode == 0, smoke.Stderr);
        using var child = WorkbookProcess.Start(Command(store, workers));
        var clock = Stopwatch.StartNew();
        while (StoredCount(store) < 1)
        {
            Assert.False(child.HasExited, "the sweep ended before it was interrupted");
            Assert.True(clock.Elapsed < WorkbookProcess.Patience, "the sweep committed no run");
            Thread.Sleep(50);
        }

        child.Signal(signal);
        var (code, _, stderr) = child.WaitForExit();
        Assert.True(code == expectedExit, $"exit {code}, expected {expectedExit}:\n{stderr}");

        using var results = ResultsStore.OpenReadOnly(store);
        var runs = results.Runs(Scenario);
        Assert.InRange(runs.Count, 1, ReferenceRuns().Count - 1);
        Assert.All(runs, r => Assert.Equal(["downstream", "upstream"], r.Losses.Keys.Order()));
        return stderr;
    }

    private void AssertResumesToReference(string store, int workers)
    {
        var (code, _, stderr) = WorkbookProcess.Run(Command(store, workers));
        Assert.True(code == 0, stderr);
        using var results = ResultsStore.OpenReadOnly(store);
        var resumed = results.Runs(Scenario).ToDictionary(r => r.Key, r => r.Losses);
        var reference = ReferenceRuns();
        Assert.Equal(reference.Keys.Order(), resumed.Keys.Order());
        foreach (var (key, losses) in reference)
        {
            Assert.Equal(losses["upstream"], resumed[key]["upstream"]);
            Assert.Equal(losses["downstream"], resumed[key]["downstream"]);
        }
    }

    private Dictionary<string, IReadOnlyDictionary<string, double>> ReferenceRuns()
    {
        using var reference = ResultsStore.OpenReadOnly(smoke.StorePath);
        return reference.Runs(Scenario).ToDictionary(r => r.Key, r => r.Losses);
    }

    private static int StoredCount(string path)
    {
        try
        {
            using var store = ResultsStore.OpenReadOnly(path);
            return store.Count;
        }
        catch (Exception e) when (e is FileNotFoundException or SqliteException or InvalidDataException)
        {
            return 0; // not created yet, or the schema is not written yet
        }
    }
}
