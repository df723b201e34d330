using Microsoft.Data.Sqlite;

namespace Entanglement.Experiments;

/// <summary>Reads stored runs with their metrics.</summary>
internal static class ResultsReader
{
    public static IReadOnlyList<StoredRun> Read(SqliteConnection connection, string? scenario, bool withOutcomes)
    {
        var outcomes = withOutcomes ? ReadOutcomes(connection, scenario) : [];
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
                    timings.GetValueOrDefault(key) ?? new Dictionary<string, double>())
                {
                    Outcomes = (IReadOnlyList<Diagnostics.VertexOutcomes>?)outcomes.GetValueOrDefault(key) ?? Array.Empty<Diagnostics.VertexOutcomes>(),
                });
            }
        }

        return runs;
    }

    /// <summary>Decoded outcomes by run key; none when the store predates the outcomes table (schema version 1).</summary>
    private static Dictionary<string, List<Diagnostics.VertexOutcomes>> ReadOutcomes(SqliteConnection connection, string? scenario)
    {
        var outcomes = new Dictionary<string, List<Diagnostics.VertexOutcomes>>(StringComparer.Ordinal);
        using (var probe = connection.CreateCommand())
        {
            probe.CommandText = ResultsSchema.HasOutcomes;
            if (probe.ExecuteScalar() is null)
            {
                return outcomes;
            }
        }

        using var command = connection.CreateCommand();
        command.CommandText = ResultsSchema.SelectOutcomes;
        command.Parameters.AddWithValue("$scenario", (object?)scenario ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        while (reader.Read())
        {
            var key = reader.GetString(0);
            if (!outcomes.TryGetValue(key, out var list))
            {
                outcomes[key] = list = [];
            }

            list.Add(Diagnostics.OutcomeCodec.Decode((byte[])reader.GetValue(1)));
        }

        return outcomes;
    }
}
