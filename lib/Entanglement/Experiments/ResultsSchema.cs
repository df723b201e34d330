namespace Entanglement.Experiments;

/// <summary>
/// The SQL of the results store, version <see cref="Version"/> (kept in <c>PRAGMA user_version</c>). Version 2 adds the
/// <c>outcomes</c> table (per-example outcomes of every vertex, one compressed blob per run and vertex); opening a
/// version-1 store for writing adds the table and keeps every run; reading one without it finds no outcomes.
/// </summary>
internal static class ResultsSchema
{
    public const int Version = 2;

    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs (
            key TEXT PRIMARY KEY NOT NULL,
            scenario TEXT NOT NULL,
            profile TEXT NOT NULL,
            point_index INTEGER NOT NULL,
            point_json TEXT NOT NULL,
            seed INTEGER NOT NULL,
            config_json TEXT NOT NULL,
            dataset_hash TEXT NOT NULL,
            library_version TEXT NOT NULL,
            finished_utc TEXT NOT NULL,
            seconds REAL NOT NULL);
        CREATE TABLE IF NOT EXISTS metrics (
            run_key TEXT NOT NULL REFERENCES runs(key) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN ('loss', 'timing')),
            name TEXT NOT NULL,
            value REAL NOT NULL,
            PRIMARY KEY (run_key, kind, name));
        CREATE TABLE IF NOT EXISTS outcomes (
            run_key TEXT NOT NULL REFERENCES runs(key) ON DELETE CASCADE,
            vertex TEXT NOT NULL,
            blob BLOB NOT NULL,
            PRIMARY KEY (run_key, vertex));
        CREATE INDEX IF NOT EXISTS runs_by_scenario ON runs (scenario, profile, point_index, seed);
        """;

    public const string InsertRun = """
        INSERT OR IGNORE INTO runs (key, scenario, profile, point_index, point_json, seed, config_json, dataset_hash,
            library_version, finished_utc, seconds)
        VALUES ($key, $scenario, $profile, $pointIndex, $pointJson, $seed, $config, $dataset, $version, $finished, $seconds);
        """;

    public const string InsertMetric =
        "INSERT INTO metrics (run_key, kind, name, value) VALUES ($key, $kind, $name, $value);";

    public const string SelectRuns = """
        SELECT key, scenario, profile, point_index, point_json, seed, config_json, dataset_hash, library_version,
            finished_utc, seconds
        FROM runs WHERE ($scenario IS NULL OR scenario = $scenario)
        ORDER BY scenario, profile, point_index, seed, key;
        """;

    public const string SelectMetrics = """
        SELECT m.run_key, m.kind, m.name, m.value FROM metrics m JOIN runs r ON r.key = m.run_key
        WHERE ($scenario IS NULL OR r.scenario = $scenario) ORDER BY m.run_key, m.kind, m.name;
        """;

    public const string InsertOutcome =
        "INSERT INTO outcomes (run_key, vertex, blob) VALUES ($key, $vertex, $blob);";

    public const string HasOutcomes = "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'outcomes';";

    public const string SelectOutcomes = """
        SELECT o.run_key, o.blob FROM outcomes o JOIN runs r ON r.key = o.run_key
        WHERE ($scenario IS NULL OR r.scenario = $scenario) ORDER BY o.run_key, o.vertex;
        """;
}
