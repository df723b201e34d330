using Microsoft.Data.Sqlite;

namespace Entanglement.Experiments;

/// <summary>Reads stored runs with their metrics.</summary>
internal static class ResultsReader
{
    public static IReadOnlyList<StoredRun> Read(SqliteConnection connection, string? scenario)
    {
        var losses = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var timings = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        using (var command = connection.CreateCommand())
        {
            command.CommandText = ResultsSchema.SelectMetrics;
            command.Parameters.AddWithValue("$scenario", (object?)scenario ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var target = reader.GetString(1) == "loss" ? losses : timings;
                var key = reader.GetString(0);
                if (!target.TryGetValue(key, out var values))
                {
                    target[key] = values = new Dictionary<string, double>(StringComparer.Ordinal);
                }

                values[reader.GetString(2)] = reader.GetDouble(3);
            }
        }

        var runs = new List<StoredRun>();
        using (var command = connection.CreateCommand())
        {
            command.CommandText = ResultsSchema.SelectRuns;
            command.Parameters.AddWithValue("$scenario", (object?)scenario ?? DBNull.Value);
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                var key = reader.GetString(0);
                runs.Add(new StoredRun(
                    key, reader.GetString(1), reader.GetString(2), reader.GetInt32(3), reader.GetString(4),
                    reader.GetInt32(5), reader.GetString(6), reader.GetString(7), reader.GetString(8),
                    reader.GetString(9), reader.GetDouble(10),
                    losses.GetValueOrDefault(key) ?? new Dictionary<string, double>(),
                    timings.GetValueOrDefault(key) ?? new Dictionary<string, double>()));
            }
        }

        return runs;
    }
}
