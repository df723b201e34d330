using System.Text.Json.Nodes;
using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

/// <summary>What an executed workbook notebook must show, whichever kernel ran it.</summary>
internal static class NotebookChecks
{
    /// <summary>The repository's notebooks folder.</summary>
    public static string Folder { get; } = Path.Combine(OfficialKernel.Root, "notebooks");

    /// <summary>The file names of the workbook's notebooks, in name order.</summary>
    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var path in Directory.GetFiles(Folder, "*.ipynb").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(path));
        }

        return data;
    }

    /// <summary>
    /// No error output anywhere; every chart cell shows a plotly figure as <c>text/html</c> whose traces carry data and
    /// whose caption states the profile; the closing summary states the profile too; the file is valid nbformat.
    /// </summary>
    public static void AssertRanCleanly(NotebookDocument executed, string profile)
    {
        var errors = executed.CodeCells.SelectMany(c => c.Outputs).Where(o => o.OutputType == NotebookOutputType.Error);
        Assert.Empty(errors.Select(e => $"{e.EName}: {e.EValue}"));
        Assert.All(executed.CodeCells, c => Assert.NotNull(c.ExecutionCount));
        Assert.Empty(NbformatStructure.Validate(executed.ToJson()));

        var charts = executed.CodeCells.Where(IsChartCell).ToList();
        Assert.NotEmpty(charts);
        foreach (var cell in charts)
        {
            var html = cell.Outputs.Select(o => o.GetText("text/html")).Single(h => h is not null) ?? string.Empty;
            var figure = FigureOf(html);
            var data = Assert.IsType<JsonArray>(figure["data"]);
            Assert.NotEmpty(data);
            Assert.All(data, trace => Assert.True(trace?["x"] is JsonArray || trace?["z"] is JsonArray, "every trace carries data"));
            Assert.Contains($"profile {profile}", figure["layout"]?.ToJsonString() ?? string.Empty, StringComparison.Ordinal);
        }

        var summary = executed.CodeCells.Last(c => c.Source.Contains("Summary", StringComparison.Ordinal));
        Assert.Contains($"profile {profile}", summary.Outputs.Single().GetText("text/plain"), StringComparison.Ordinal);
    }

    /// <summary>
    /// Jupyter's own validator (python's <c>nbformat.validate</c>) accepts the executed notebook; skipped where python's
    /// nbformat is missing, unless CI requires Jupyter.
    /// </summary>
    public static void AssertValidForJupyter(NotebookDocument executed)
    {
        if (OfficialKernel.Python is not { } python)
        {
            Assert.NotEqual("1", Environment.GetEnvironmentVariable(JupyterTheoryAttribute.RequireVariable));
            return;
        }

        var file = Path.Combine(Path.GetTempPath(), $"workbook-validate-{Guid.NewGuid():N}.ipynb");
        try
        {
            executed.Save(file);
            var check = ChildProcess.Run(python,
                ["-c", "import sys, nbformat; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", file],
                Path.GetTempPath(), TimeSpan.FromMinutes(1));
            Assert.True(check.ExitCode == 0, check.Output);
        }
        finally
        {
            File.Delete(file);
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

    /// <summary>A cell whose value is a figure (chart factories; tables and comparison lists are not figures).</summary>
    private static bool IsChartCell(NotebookCell cell) =>
        (cell.Source.StartsWith("ResultCharts.", StringComparison.Ordinal) || cell.Source.StartsWith("PseudoLidarCharts.", StringComparison.Ordinal)
            || cell.Source.StartsWith("MitigationCharts.", StringComparison.Ordinal))
        && !cell.Source.Contains("Table", StringComparison.Ordinal) && !cell.Source.Contains("Comparisons", StringComparison.Ordinal);
}
