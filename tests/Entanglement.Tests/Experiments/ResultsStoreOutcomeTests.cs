using Entanglement.Experiments;
using Entanglement.Tests.Diagnostics;
using Microsoft.Data.Sqlite;

namespace Entanglement.Tests.Experiments;

public sealed class ResultsStoreOutcomeTests
{
    private static StoredRun WithOutcomes(string key) => ResultsStoreTests.Run(key, 0.25) with
    {
        Outcomes = [OutcomeCodecTests.Sample("upstream", 300, 1), OutcomeCodecTests.Sample("downstream", 300, 2, width: 0)],
    };

    [Fact]
    public void Outcomes_are_committed_with_the_run_and_read_back_only_when_asked()
    {
        using var folder = new TempFolder();
        using (var store = ResultsStore.Open(folder.File("results.db")))
        {
            Assert.True(store.Commit(WithOutcomes("a")));
        }

        using var reopened = ResultsStore.OpenReadOnly(folder.File("results.db"));
        Assert.Empty(Assert.Single(reopened.Runs()).Outcomes);
        var run = Assert.Single(reopened.RunsWithOutcomes());
        Assert.Equal(["downstream", "upstream"], run.Outcomes.Select(o => o.Vertex));
        Assert.Equal(OutcomeCodecTests.Sample("upstream", 300, 1).Predictions, run.Outcomes[1].Predictions);
    }

    [Fact]
    public void Merging_copies_the_outcomes()
    {
        using var folder = new TempFolder();
        using (var shard = ResultsStore.Open(folder.File("shard.db")))
        {
            shard.Commit(WithOutcomes("a"));
        }

        using var target = ResultsStore.Open(folder.File("merged.db"));
        target.Merge([folder.File("shard.db")]);

        Assert.Equal(2, Assert.Single(target.RunsWithOutcomes()).Outcomes.Count);
    }

    [Fact]
    public void A_version_1_store_still_reads_and_gains_the_outcomes_table_when_opened_for_writing()
    {
        using var folder = new TempFolder();
        var path = folder.File("old.db");
        using (var connection = new SqliteConnection($"Data Source={path};Pooling=False"))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = """
                CREATE TABLE runs (key TEXT PRIMARY KEY NOT NULL, scenario TEXT NOT NULL, profile TEXT NOT NULL,
                    point_index INTEGER NOT NULL, point_json TEXT NOT NULL, seed INTEGER NOT NULL, config_json TEXT NOT NULL,
                    dataset_hash TEXT NOT NULL, library_version TEXT NOT NULL, finished_utc TEXT NOT NULL, seconds REAL NOT NULL);
                CREATE TABLE metrics (run_key TEXT NOT NULL REFERENCES runs(key) ON DELETE CASCADE,
                    kind TEXT NOT NULL CHECK (kind IN ('loss', 'timing')), name TEXT NOT NULL, value REAL NOT NULL,
                    PRIMARY KEY (run_key, kind, name));
                INSERT INTO runs VALUES ('old', 's', 'quick', 0, '{}', 1, '{}', 'h', '0.9', '2026-01-01T00:00:00.000Z', 2.0);
                INSERT INTO metrics VALUES ('old', 'loss', 'upstream', 0.5);
                PRAGMA user_version = 1;
                """;
            command.ExecuteNonQuery();
        }

        using (var readOnly = ResultsStore.OpenReadOnly(path))
        {
            var old = Assert.Single(readOnly.RunsWithOutcomes());
            Assert.Empty(old.Outcomes);
            Assert.Equal(0.5, old.Losses["upstream"]);
        }

        using var store = ResultsStore.Open(path);
        Assert.True(store.Commit(WithOutcomes("new")));
        var runs = store.RunsWithOutcomes();
        Assert.Equal(["new", "old"], runs.Select(r => r.Key).Order());
        Assert.Equal(2, runs.Single(r => r.Key == "new").Outcomes.Count);
    }
}
