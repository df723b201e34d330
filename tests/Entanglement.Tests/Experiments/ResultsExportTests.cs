using Entanglement.Experiments;

namespace Entanglement.Tests.Experiments;

public sealed class ResultsExportTests
{
    [Fact]
    public void Csv_has_one_column_per_loss_and_quotes_json_points()
    {
        var run = ResultsStoreTests.Run("a", 0.1);
        using var writer = new StringWriter();
        ResultsExport.WriteCsv([run, run with { Key = "b", Losses = new Dictionary<string, double> { ["extra"] = 2 } }], writer);

        var lines = writer.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            "key,scenario,profile,point_index,point,seed,loss:downstream,loss:extra,loss:upstream,seconds,library_version,dataset_hash,finished_utc",
            lines[0]);
        Assert.Equal("a,scenario,quick,3,\"{\"\"R\"\":0.3}\",7,0.5,,0.1,1.5,1.0,sha256:abc,2026-01-01T00:00:00.000Z", lines[1]);
        Assert.StartsWith("b,scenario,quick,3,\"{\"\"R\"\":0.3}\",7,,2,,", lines[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Json_embeds_points_and_configs_as_objects()
    {
        using var writer = new StringWriter();
        ResultsExport.WriteJson([ResultsStoreTests.Run("a", 0.1)], writer);

        using var document = System.Text.Json.JsonDocument.Parse(writer.ToString());
        var run = document.RootElement[0];
        Assert.Equal(0.3, run.GetProperty("point").GetProperty("R").GetDouble());
        Assert.Equal(2, run.GetProperty("config").GetProperty("Epochs").GetInt32());
        Assert.Equal(0.1, run.GetProperty("losses").GetProperty("upstream").GetDouble());
    }

    [Fact]
    public void DataFrame_has_the_csv_columns_with_typed_values_and_null_for_a_missing_loss()
    {
        var run = ResultsStoreTests.Run("a", 0.1);
        var frame = ResultsExport.ToDataFrame([run, run with { Key = "b", Seed = 8, Losses = new Dictionary<string, double> { ["extra"] = 2 } }]);

        Assert.Equal(
            ["key", "scenario", "profile", "point_index", "point", "seed", "loss:downstream", "loss:extra", "loss:upstream",
                "seconds", "library_version", "dataset_hash", "finished_utc"],
            frame.Columns.Select(c => c.Name));
        Assert.Equal(2, frame.Rows.Count);
        Assert.Equal("b", frame.Columns["key"][1]);
        Assert.Equal(8, frame.Columns["seed"][1]);
        Assert.Equal(0.1, frame.Columns["loss:upstream"][0]);
        Assert.Null(frame.Columns["loss:upstream"][1]);
        Assert.Equal(2.0, frame.Columns["loss:extra"][1]);
        Assert.Equal("{\"R\":0.3}", frame.Columns["point"][0]);
    }
}

