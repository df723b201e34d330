using Entanglement.Experiments;
using Microsoft.Data.Sqlite;

namespace Entanglement.Tests.Experiments;

public sealed class ResultsStoreTests
{
    internal static StoredRun Run(string key, double upstream, double downstream = 0.5) => new(
        key, "scenario", "quick", 3, "{\"R\":0.3}", 7, "{\"Epochs\":2}", "sha256:abc", "1.0", "2026-01-01T00:00:00.000Z",
        1.5, new Dictionary<string, double> { ["upstream"] = upstream, ["downstream"] = downstream },
        new Dictionary<string, double> { ["upstream-train"] = 1.25 });

    [Fact]
    public void A_committed_run_reads_back_with_every_field_after_reopening()
    {
        using var folder = new TempFolder();
        using (var store = ResultsStore.Open(folder.File("sub/results.db")))
        {
            Assert.True(store.Commit(Run("a", 0.25)));
        }

        using var reopened = ResultsStore.Open(folder.File("sub/results.db"));
        var run = Assert.Single(reopened.Runs());
        Assert.Equal(Run("a", 0.25) with { Losses = run.Losses, Timings = run.Timings }, run);
        Assert.Equal(0.25, run.Losses["upstream"]);
        Assert.Equal(0.5, run.Losses["downstream"]);
        Assert.Equal(1.25, run.Timings["upstream-train"]);
        Assert.True(reopened.Contains("a"));
    }

    [Fact]
    public void The_store_uses_write_ahead_logging()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        using var connection = new SqliteConnection($"Data Source={store.Path};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA journal_mode;";
        Assert.Equal("wal", command.ExecuteScalar());
    }

    [Fact]
    public void A_key_is_stored_once()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));

        Assert.True(store.Commit(Run("a", 0.25)));
        Assert.False(store.Commit(Run("a", 0.75)));
        Assert.Equal(1, store.Count);
        Assert.Equal(0.25, store.Runs()[0].Losses["upstream"]);
    }

    [Fact]
    public void A_failure_inside_the_transaction_leaves_no_trace_of_the_run()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));
        store.AfterRunRowInserted = key => throw new IOException($"disk gone while writing {key}");

        Assert.Throws<IOException>(() => store.Commit(Run("a", 0.25)));
        store.AfterRunRowInserted = null;

        Assert.Equal(0, store.Count);
        Assert.Empty(store.Keys());
        Assert.True(store.Commit(Run("a", 0.25)));
        Assert.Equal(2, store.Runs()[0].Losses.Count);
    }

    [Fact]
    public void Non_finite_losses_are_rejected_before_anything_is_written()
    {
        using var folder = new TempFolder();
        using var store = ResultsStore.Open(folder.File("results.db"));

        var error = Assert.Throws<ArgumentException>(() => store.Commit(Run("a", double.NaN)));
        Assert.Contains("'upstream' is NaN", error.Message, StringComparison.Ordinal);
        Assert.Equal(0, store.Count);
    }

    [Fact]
    public void A_file_that_is_not_a_store_gets_a_clear_error()
    {
        using var folder = new TempFolder();
        var path = folder.File("garbage.db");
        File.WriteAllText(path, new string('x', 4096));

        var error = Assert.Throws<InvalidDataException>(() => ResultsStore.Open(path));
        Assert.Contains(path, error.Message, StringComparison.Ordinal);
        Assert.Throws<FileNotFoundException>(() => ResultsStore.OpenReadOnly(folder.File("missing.db")));
    }

    [Fact]
    public void Merge_adds_missing_runs_skips_duplicates_and_reports_conflicts()
    {
        using var folder = new TempFolder();
        using (var a = ResultsStore.Open(folder.File("a.db")))
        {
            a.Commit(Run("1", 0.1));
            a.Commit(Run("2", 0.2));
        }

        using (var b = ResultsStore.Open(folder.File("b.db")))
        {
            b.Commit(Run("2", 0.2));
            b.Commit(Run("3", 0.3));
            b.Commit(Run("4", 0.4));
        }

        using var target = ResultsStore.Open(folder.File("merged.db"));
        target.Commit(Run("4", 0.9));
        var result = target.Merge([folder.File("a.db"), folder.File("b.db"), folder.File("a.db")]);

        Assert.Equal(3, result.Added);
        Assert.Equal(3, result.Duplicates);
        Assert.Equal(["4"], result.Conflicts);
        Assert.Equal(["1", "2", "3", "4"], target.Runs().Select(r => r.Key).Order());
        Assert.Equal(0.9, target.Runs().Single(r => r.Key == "4").Losses["upstream"]);
    }
}
