using System.Globalization;
using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Entanglement.Experiments;

/// <summary>
/// Results of sweeps in a SQLite file (WAL mode). Each finished run is committed in one transaction with its
/// configuration, seed, losses, timings, library version and data-set hash; a unique key keeps runs from being
/// stored twice, so a sweep killed at any moment resumes without losing or duplicating a run.
/// </summary>
public sealed class ResultsStore : IDisposable
{
    private readonly SqliteConnection _connection;

    private ResultsStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>Default store path of the CLI, relative to the working directory.</summary>
    public const string DefaultPath = "results/workbook.db";

    /// <summary>The version of this library, stored with every run.</summary>
    public static string LibraryVersion { get; } =
        typeof(ResultsStore).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? "unknown";

    /// <summary>Full path of the store file.</summary>
    public string Path { get; }

    /// <summary>Test hook: runs inside a commit's transaction after the run row is written, before its metrics.</summary>
    internal Action<string>? AfterRunRowInserted { get; set; }

    /// <summary>Opens (creating if needed, with its folder) the store at <paramref name="path"/>.</summary>
    public static ResultsStore Open(string path) => OpenCore(path, readOnly: false);

    /// <summary>Opens an existing store without writing to it.</summary>
    public static ResultsStore OpenReadOnly(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        return File.Exists(full) ? OpenCore(full, readOnly: true) : throw new FileNotFoundException($"Results store '{full}' does not exist.", full);
    }

    /// <summary>Number of stored runs.</summary>
    public int Count => Convert.ToInt32(Scalar("SELECT COUNT(*) FROM runs;"), CultureInfo.InvariantCulture);

    /// <summary>Whether a run with this key is stored.</summary>
    public bool Contains(string key)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT 1 FROM runs WHERE key = $key;";
        command.Parameters.AddWithValue("$key", key);
        return command.ExecuteScalar() is not null;
    }

    /// <summary>Keys of the stored runs, optionally of one scenario.</summary>
    public IReadOnlySet<string> Keys(string? scenario = null)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = "SELECT key FROM runs WHERE ($scenario IS NULL OR scenario = $scenario);";
        command.Parameters.AddWithValue("$scenario", (object?)scenario ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read())
        {
            keys.Add(reader.GetString(0));
        }

        return keys;
    }

    /// <summary>
    /// Commits one finished run atomically. Returns false (and writes nothing) when its key is already stored.
    /// Non-finite losses or timings are rejected before anything is written.
    /// </summary>
    public bool Commit(StoredRun run)
    {
        ArgumentNullException.ThrowIfNull(run);
        Validate(run);
        using var transaction = _connection.BeginTransaction();
        var added = Insert(run, transaction);
        transaction.Commit();
        return added;
    }

    /// <summary>Every stored run (optionally of one scenario), ordered by scenario, profile, point and seed.</summary>
    public IReadOnlyList<StoredRun> Runs(string? scenario = null) => ResultsReader.Read(_connection, scenario, withOutcomes: false);

    /// <summary>Like <see cref="Runs"/>, with each run's per-example outcomes decoded (kilobytes per run).</summary>
    public IReadOnlyList<StoredRun> RunsWithOutcomes(string? scenario = null) =>
        ResultsReader.Read(_connection, scenario, withOutcomes: true);

    /// <summary>
    /// Copies into this store every run of the other stores (e.g. shards) that it lacks, one transaction per file.
    /// A key already present is skipped; if its losses differ it is reported as a conflict.
    /// </summary>
    public MergeResult Merge(IEnumerable<string> otherPaths)
    {
        ArgumentNullException.ThrowIfNull(otherPaths);
        int added = 0, duplicates = 0;
        var conflicts = new List<string>();
        foreach (var other in otherPaths)
        {
            using var source = OpenReadOnly(other);
            if (string.Equals(source.Path, Path, StringComparison.Ordinal))
            {
                throw new ArgumentException($"Merge: '{other}' is the target store itself.", nameof(otherPaths));
            }

            var runs = source.RunsWithOutcomes();
            using var transaction = _connection.BeginTransaction();
            foreach (var run in runs)
            {
                Validate(run);
                if (Insert(run, transaction))
                {
                    added++;
                }
                else if (SameLosses(run, ExistingLosses(run.Key, transaction)))
                {
                    duplicates++;
                }
                else
                {
                    conflicts.Add(run.Key);
                }
            }

            transaction.Commit();
        }

        return new MergeResult(added, duplicates, conflicts);
    }

    /// <inheritdoc/>
    public void Dispose() => _connection.Dispose();

    private static ResultsStore OpenCore(string path, bool readOnly)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = System.IO.Path.GetFullPath(path);
        if (!readOnly)
        {
            Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full) ?? ".");
        }

        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = readOnly ? SqliteOpenMode.ReadOnly : SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = 60,
        };
        var connection = new SqliteConnection(builder.ToString());
        try
        {
            connection.Open();
            var store = new ResultsStore(full, connection);
            store.Initialise(readOnly);
            return store;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is 26 or 11)
        {
            connection.Dispose();
            throw new InvalidDataException($"Results store '{full}' is not a SQLite database or is corrupt: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    private void Initialise(bool readOnly)
    {
        var version = Convert.ToInt32(Scalar("PRAGMA user_version;"), CultureInfo.InvariantCulture);
        if (version > ResultsSchema.Version)
        {
            throw new InvalidDataException(
                $"Results store '{Path}' has schema version {version}; this library reads up to {ResultsSchema.Version}.");
        }

        Execute("PRAGMA foreign_keys = ON;");
        if (readOnly)
        {
            return;
        }

        EnableWriteAheadLog();
        Execute("PRAGMA synchronous = FULL;");
        Execute(ResultsSchema.Create);
        Execute($"PRAGMA user_version = {ResultsSchema.Version};");
    }

    private void EnableWriteAheadLog()
    {
        // Switching to WAL needs the file to itself; another process opening it at that moment makes the pragma
        // answer the old mode instead of failing, so check and retry.
        for (var attempt = 0; attempt < 200; attempt++)
        {
            if (string.Equals(Scalar("PRAGMA journal_mode = WAL;") as string, "wal", StringComparison.OrdinalIgnoreCase))
            {
                return;
            }

            Thread.Sleep(50);
        }

        throw new IOException($"Results store '{Path}' could not be switched to WAL mode; another process holds it.");
    }

    private bool Insert(StoredRun run, SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = ResultsSchema.InsertRun;
        command.Parameters.AddWithValue("$key", run.Key);
        command.Parameters.AddWithValue("$scenario", run.Scenario);
        command.Parameters.AddWithValue("$profile", run.Profile);
        command.Parameters.AddWithValue("$pointIndex", run.PointIndex);
        command.Parameters.AddWithValue("$pointJson", run.PointJson);
        command.Parameters.AddWithValue("$seed", run.Seed);
        command.Parameters.AddWithValue("$config", run.ConfigJson);
        command.Parameters.AddWithValue("$dataset", run.DatasetHash);
        command.Parameters.AddWithValue("$version", run.LibraryVersion);
        command.Parameters.AddWithValue("$finished", run.FinishedUtc);
        command.Parameters.AddWithValue("$seconds", run.Seconds);
        if (command.ExecuteNonQuery() == 0)
        {
            return false;
        }

        AfterRunRowInserted?.Invoke(run.Key);
        InsertMetrics(run.Key, "loss", run.Losses, transaction);
        InsertMetrics(run.Key, "timing", run.Timings, transaction);
        foreach (var outcomes in run.Outcomes)
        {
            using var outcome = _connection.CreateCommand();
            outcome.Transaction = transaction;
            outcome.CommandText = ResultsSchema.InsertOutcome;
            outcome.Parameters.AddWithValue("$key", run.Key);
            outcome.Parameters.AddWithValue("$vertex", outcomes.Vertex);
            outcome.Parameters.AddWithValue("$blob", Diagnostics.OutcomeCodec.Encode(outcomes));
            outcome.ExecuteNonQuery();
        }

        return true;
    }

    private void InsertMetrics(string key, string kind, IReadOnlyDictionary<string, double> values, SqliteTransaction transaction)
    {
        foreach (var (name, value) in values)
        {
            using var command = _connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = ResultsSchema.InsertMetric;
            command.Parameters.AddWithValue("$key", key);
            command.Parameters.AddWithValue("$kind", kind);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$value", value);
            command.ExecuteNonQuery();
        }
    }

    private Dictionary<string, double> ExistingLosses(string key, SqliteTransaction transaction)
    {
        using var command = _connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT name, value FROM metrics WHERE run_key = $key AND kind = 'loss';";
        command.Parameters.AddWithValue("$key", key);
        using var reader = command.ExecuteReader();
        var losses = new Dictionary<string, double>(StringComparer.Ordinal);
        while (reader.Read())
        {
            losses[reader.GetString(0)] = reader.GetDouble(1);
        }

        return losses;
    }

    private static bool SameLosses(StoredRun run, Dictionary<string, double> existing) =>
        existing.Count == run.Losses.Count
        && run.Losses.All(kv => existing.TryGetValue(kv.Key, out var v) && v.Equals(kv.Value));

    private static void Validate(StoredRun run)
    {
        ArgumentException.ThrowIfNullOrEmpty(run.Key, nameof(run));
        foreach (var (name, value) in run.Losses.Concat(run.Timings))
        {
            if (!double.IsFinite(value))
            {
                throw new ArgumentException($"Run '{run.Key}': '{name}' is {value}; nothing was stored.", nameof(run));
            }
        }
    }

    private object? Scalar(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        return command.ExecuteScalar();
    }

    private void Execute(string sql)
    {
        using var command = _connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }
}
