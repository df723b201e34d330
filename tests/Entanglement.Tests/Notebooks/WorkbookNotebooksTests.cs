using System.Text.Json.Nodes;
using Entanglement.Experiments;
using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

/// <summary>Every notebook in notebooks/ has the workbook's shape and runs headless on the smoke profile, charts included.</summary>
[Collection(NotebookRuns.Name)]
public sealed class WorkbookNotebooksTests
{
    public static TheoryData<string> Notebooks()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(NotebooksFolder(), "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_has_the_workbook_shape_and_no_outputs(string name)
    {
        var notebook = NotebookDocument.Load(Path.Combine(NotebooksFolder(), name));
        Assert.Matches(@"^\d\d-[a-z0-9-]+\.ipynb$", name);
        Assert.Equal(NotebookCellType.Markdown, notebook.Cells[0].CellType);
        Assert.Contains("> Paper: §", notebook.Cells[0].Source, StringComparison.Ordinal);
        var code = notebook.CodeCells.ToList();
        Assert.StartsWith("#r \"../artifacts/bin/Entanglement/", code[0].Source, StringComparison.Ordinal);
        Assert.All(code, c => Assert.Empty(c.Outputs));
        Assert.All(code, c => Assert.True(c.Source.Split('\n').Length <= 10, $"cell too long: {c.Source}"));
        Assert.All(code.Skip(1), c => Assert.DoesNotContain("#r", c.Source, StringComparison.Ordinal));
        Assert.Equal(NotebookCellType.Code, notebook.Cells[^1].CellType);
        Assert.Contains("Summary", notebook.Cells[^1].Source + notebook.Cells[^2].Source, StringComparison.Ordinal);
        Assert.Empty(NbformatStructure.Validate(File.ReadAllText(Path.Combine(NotebooksFolder(), name))));
    }

    [Theory]
    [MemberData(nameof(Notebooks))]
    public async Task Notebook_runs_headless_on_the_smoke_profile_and_draws_its_charts(string name)
    {
        var store = Path.Combine(Path.GetTempPath(), $"workbook-nb-{Guid.NewGuid():N}.db");
        var previous = Environment.GetEnvironmentVariable(ExperimentOptions.StoreVariable);
        Environment.SetEnvironmentVariable(ExperimentOptions.StoreVariable, store);
        try
        {
            var path = Path.Combine(NotebooksFolder(), name);
            var result = await NotebookExecutor.RunAsync(NotebookDocument.Load(path),
                new NotebookRunOptions { Profile = "smoke", BaseDirectory = NotebooksFolder(), NotebookName = name });
            Assert.True(result.Succeeded, result.Error?.Describe(name));
            var outputs = result.Notebook.CodeCells.SelectMany(c => c.Outputs).ToList();
            Assert.DoesNotContain(outputs, o => o.OutputType == NotebookOutputType.Error);
            Assert.Empty(NbformatStructure.Validate(result.Notebook.ToJson()));

            var charts = result.Notebook.CodeCells.Where(IsChartCell).ToList();
            Assert.NotEmpty(charts);
            foreach (var cell in charts)
            {
                var html = cell.Outputs.Select(o => o.GetText("text/html")).Single(h => h is not null) ?? string.Empty;
                var figure = FigureOf(html);
                var data = Assert.IsType<JsonArray>(figure["data"]);
                Assert.NotEmpty(data);
                Assert.All(data, trace => Assert.True(trace?["x"] is JsonArray || trace?["z"] is JsonArray, "every trace carries data"));
                Assert.Contains("profile smoke", figure["layout"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
            }

            var summary = result.Notebook.CodeCells.Last(c => c.Source.Contains("Summary", StringComparison.Ordinal));
            Assert.Contains("profile smoke", summary.Outputs.Single().GetText("text/plain"), StringComparison.Ordinal);
        }
        finally
        {
            Environment.SetEnvironmentVariable(ExperimentOptions.StoreVariable, previous);
            foreach (var file in Directory.GetFiles(Path.GetTempPath(), Path.GetFileName(store) + "*"))
            {
                File.Delete(file);
            }
        }
    }

    /// <summary>The figure object passed to Plotly.newPlot in a chart fragment: its JSON follows the element id.</summary>
    private static JsonObject FigureOf(string html)
    {
        var start = html.IndexOf("{\"data\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "no figure JSON in the chart output");
        var depth = 0;
        for (var i = start; i < html.Length; i++)
        {
            depth += html[i] == '{' ? 1 : html[i] == '}' ? -1 : 0;
            if (depth == 0)
            {
                return Assert.IsType<JsonObject>(JsonNode.Parse(html[start..(i + 1)]));
            }
        }

        throw new InvalidOperationException("unbalanced figure JSON");
    }

    private static string NotebooksFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Workbook.sln")))
            {
                return Path.Combine(dir.FullName, "notebooks");
            }
        }

        throw new DirectoryNotFoundException("notebooks/ not found above " + AppContext.BaseDirectory);
    }

    /// <summary>A cell whose value is a figure (chart factories; tables and comparison lists are not figures).</summary>
    private static bool IsChartCell(NotebookCell cell) =>
        (cell.Source.StartsWith("ResultCharts.", StringComparison.Ordinal) || cell.Source.StartsWith("PseudoLidarCharts.", StringComparison.Ordinal))
        && !cell.Source.Contains("Table", StringComparison.Ordinal) && !cell.Source.Contains("Comparisons", StringComparison.Ordinal);
}
