using Entanglement.Kernel;
using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

[Collection(NotebookRuns.Name)]
public sealed class ReportBuilderTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), $"report-builder-{Environment.ProcessId}-{Guid.NewGuid():N}");

    public void Dispose()
    {
        if (Directory.Exists(_root))
        {
            Directory.Delete(_root, recursive: true);
        }
    }

    [Fact]
    public async Task Report_runs_every_notebook_in_name_order_and_indexes_them_with_their_status()
    {
        var notebooks = Directory.CreateDirectory(Path.Combine(_root, "notebooks")).FullName;
        NotebookDocument.Of(NotebookCell.Markdown("# Second"), NotebookCell.Code("undefinedName"))
            .Save(Path.Combine(notebooks, "01-second.ipynb"));
        NotebookDocument.Of(NotebookCell.Markdown("# First"), NotebookCell.Code("1 + 1"))
            .Save(Path.Combine(notebooks, "00-first.ipynb"));
        var output = Path.Combine(_root, "reports");

        var entries = await ReportBuilder.BuildAsync(new NotebookExecutor(), notebooks, output, new ReportBuildOptions { Profile = "smoke" });

        Assert.Equal(["First", "Second"], entries.Select(e => e.Title));
        Assert.Equal(["00-first.ipynb", "01-second.ipynb"], entries.Select(e => e.NotebookLink));
        Assert.Equal(["00-first.html", "01-second.html"], entries.Select(e => e.HtmlLink));
        Assert.True(entries[0].Succeeded);
        Assert.StartsWith("01-second.ipynb: cell 2 (execution 1) failed: CompilationError:", entries[1].Error, StringComparison.Ordinal);

        var executed = NotebookDocument.Load(Path.Combine(output, "00-first.ipynb"));
        Assert.Equal("2", executed.Cells[1].Outputs.Single().GetText("text/plain"));
        Assert.Empty(NbformatStructure.Validate(File.ReadAllText(Path.Combine(output, "01-second.ipynb"))));
        Assert.Contains("<dt>Profile</dt><dd>smoke</dd>", File.ReadAllText(Path.Combine(output, "00-first.html")), StringComparison.Ordinal);
        var index = File.ReadAllText(Path.Combine(output, ReportBuilder.IndexFileName));
        Assert.Contains("<a href=\"00-first.html\">First</a>", index, StringComparison.Ordinal);
        Assert.Contains("status failed", index, StringComparison.Ordinal);
        Assert.Empty(NotebookDocument.Load(Path.Combine(notebooks, "00-first.ipynb")).Cells[1].Outputs);
    }

    [Fact]
    public void A_missing_path_is_a_clear_error()
    {
        var missing = Path.Combine(_root, "nope");

        var e = Assert.Throws<FileNotFoundException>(() => ReportBuilder.FindNotebooks(missing));

        Assert.Contains(missing, e.Message, StringComparison.Ordinal);
    }
}
