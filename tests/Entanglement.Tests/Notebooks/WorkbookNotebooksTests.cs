using Entanglement.Experiments;
using Entanglement.Kernel;
using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

/// <summary>Every notebook in notebooks/ has the workbook's shape and runs headless on the smoke profile, charts included.</summary>
[Collection(NotebookRuns.Name)]
public sealed class WorkbookNotebooksTests
{
    public static TheoryData<string> Notebooks() => NotebookChecks.Names();

    [Theory]
    [MemberData(nameof(Notebooks))]
    public void Notebook_has_the_workbook_shape_and_no_outputs(string name)
    {
        var notebook = NotebookDocument.Load(Path.Combine(NotebookChecks.Folder, name));
        Assert.Matches(@"^\d\d-[a-z0-9-]+\.ipynb$", name);
        Assert.Equal(NotebookCellType.Markdown, notebook.Cells[0].CellType);
        Assert.Contains("> Paper: §", notebook.Cells[0].Source, StringComparison.Ordinal);
        var code = notebook.CodeCells.ToList();
        Assert.StartsWith("#r \"nuget: Entanglement, " + LibraryPackage.Version + "\"\n", code[0].Source, StringComparison.Ordinal);
        Assert.All(code, c => Assert.Empty(c.Outputs));
        Assert.All(code, c => Assert.True(c.Source.Split('\n').Length <= 10, $"cell too long: {c.Source}"));
        Assert.All(code.Skip(1), c => Assert.DoesNotContain("#r", c.Source, StringComparison.Ordinal));
        Assert.Equal(NotebookCellType.Code, notebook.Cells[^1].CellType);
        Assert.Contains("Summary", notebook.Cells[^1].Source + notebook.Cells[^2].Source, StringComparison.Ordinal);
        Assert.Empty(NbformatStructure.Validate(File.ReadAllText(Path.Combine(NotebookChecks.Folder, name))));
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
            var path = Path.Combine(NotebookChecks.Folder, name);
            var result = await new NotebookExecutor().RunAsync(NotebookDocument.Load(path),
                new NotebookRunOptions { Profile = "smoke", BaseDirectory = NotebookChecks.Folder, NotebookName = name });
            Assert.True(result.Succeeded, result.Error?.Describe(name));
            NotebookChecks.AssertRanCleanly(result.Notebook, "smoke");
            NotebookChecks.AssertValidForJupyter(result.Notebook);

            // Re-rendering from the full store trains nothing: no stored run is added or rewritten.
            var before = StoredRuns(store);
            var again = await new NotebookExecutor().RunAsync(NotebookDocument.Load(path),
                new NotebookRunOptions { Profile = "smoke", BaseDirectory = NotebookChecks.Folder, NotebookName = name });
            Assert.True(again.Succeeded, again.Error?.Describe(name));
            Assert.Equal(before, StoredRuns(store));
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

    /// <summary>How many runs the store holds and when the last one finished (empty when no store was written).</summary>
    private static (long Count, string? LastFinished) StoredRuns(string store)
    {
        if (!File.Exists(store))
        {
            return (0, null);
        }

        using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={store};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*), MAX(finished_utc) FROM runs;";
        using var reader = command.ExecuteReader();
        reader.Read();
        return (reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetString(1));
    }
}
