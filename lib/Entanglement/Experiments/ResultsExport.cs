using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.Data.Analysis;

namespace Entanglement.Experiments;

/// <summary>
/// Stored runs as CSV (one row per run, one column per loss name), JSON (an array of runs) or a <c>DataFrame</c>.
/// </summary>
public static class ResultsExport
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private static readonly string[] LeadingColumns = ["key", "scenario", "profile", "point_index", "point", "seed"];
    private static readonly string[] TrailingColumns = ["seconds", "library_version", "dataset_hash", "finished_utc"];

    /// <summary>CSV with a header; loss columns are <c>loss:NAME</c>, sorted by name; numbers round-trip (R).</summary>
    public static void WriteCsv(IReadOnlyList<StoredRun> runs, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(writer);
        var lossNames = runs.SelectMany(r => r.Losses.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var header = LeadingColumns.Concat(lossNames.Select(n => "loss:" + n)).Concat(TrailingColumns);
        writer.WriteLine(string.Join(',', header.Select(Escape)));
        foreach (var run in runs)
        {
            var cells = new[]
                {
                    run.Key, run.Scenario, run.Profile, Number(run.PointIndex), run.PointJson, Number(run.Seed),
                }
                .Concat(lossNames.Select(n => run.Losses.TryGetValue(n, out var v) ? Number(v) : ""))
                .Concat([Number(run.Seconds), run.LibraryVersion, run.DatasetHash, run.FinishedUtc]);
            writer.WriteLine(string.Join(',', cells.Select(Escape)));
        }
    }

    /// <summary>An indented JSON array; <c>point</c> and <c>config</c> are embedded as JSON, not strings.</summary>
    public static void WriteJson(IReadOnlyList<StoredRun> runs, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentNullException.ThrowIfNull(writer);
        var items = runs.Select(r => new Dictionary<string, object>
        {
            ["key"] = r.Key,
            ["scenario"] = r.Scenario,
            ["profile"] = r.Profile,
            ["pointIndex"] = r.PointIndex,
            ["point"] = Element(r.PointJson),
            ["seed"] = r.Seed,
            ["losses"] = r.Losses,
            ["timings"] = r.Timings,
            ["seconds"] = r.Seconds,
            ["config"] = Element(r.ConfigJson),
            ["datasetHash"] = r.DatasetHash,
            ["libraryVersion"] = r.LibraryVersion,
            ["finishedUtc"] = r.FinishedUtc,
        });
        writer.Write(JsonSerializer.Serialize(items, Indented));
        writer.WriteLine();
    }

    /// <summary>
    /// The runs as a Microsoft.Data.Analysis <c>DataFrame</c>, the columns of <see cref="WriteCsv"/>: strings, integers,
    /// and one double column per loss (<c>loss:NAME</c>, null where a run lacks that loss). A notebook shows it as an
    /// HTML table; code can filter, group and join it.
    /// </summary>
    public static DataFrame ToDataFrame(IReadOnlyList<StoredRun> runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        var lossNames = runs.SelectMany(r => r.Losses.Keys).Distinct().Order(StringComparer.Ordinal).ToList();
        var columns = new List<DataFrameColumn>
        {
            new StringDataFrameColumn("key", runs.Select(r => r.Key)),
            new StringDataFrameColumn("scenario", runs.Select(r => r.Scenario)),
            new StringDataFrameColumn("profile", runs.Select(r => r.Profile)),
            new Int32DataFrameColumn("point_index", runs.Select(r => r.PointIndex)),
            new StringDataFrameColumn("point", runs.Select(r => r.PointJson)),
            new Int32DataFrameColumn("seed", runs.Select(r => r.Seed)),
        };
        columns.AddRange(lossNames.Select(name => new DoubleDataFrameColumn("loss:" + name,
            runs.Select(r => r.Losses.TryGetValue(name, out var value) ? value : (double?)null))));
        columns.Add(new DoubleDataFrameColumn("seconds", runs.Select(r => r.Seconds)));
        columns.Add(new StringDataFrameColumn("library_version", runs.Select(r => r.LibraryVersion)));
        columns.Add(new StringDataFrameColumn("dataset_hash", runs.Select(r => r.DatasetHash)));
        columns.Add(new StringDataFrameColumn("finished_utc", runs.Select(r => r.FinishedUtc)));
        return new DataFrame(columns);
    }

    private static JsonElement Element(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Number(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string cell)
    {
        if (cell.IndexOfAny([',', '"', '\n', '\r']) < 0)
        {
            return cell;
        }

        var builder = new StringBuilder("\"");
        builder.Append(cell.Replace("\"", "\"\"", StringComparison.Ordinal));
        return builder.Append('"').ToString();
    }
}
