using Entanglement.Kernel;
using Entanglement.Notebooks;
using Entanglement.Tensors;
using Entanglement.Tests.Notebooks;

namespace Entanglement.Tests.Kernel;

[Collection(NotebookRuns.Name)]
public sealed class NotebookExecutorTests
{
    private static Task<NotebookRunResult> Run(params NotebookCell[] cells) =>
        new NotebookExecutor().RunAsync(NotebookDocument.Of(cells), new NotebookRunOptions { Profile = "smoke", NotebookName = "test.ipynb" });

    [Fact]
    public async Task Cells_share_one_session_and_record_console_display_and_last_expression()
    {
        var result = await Run(
            NotebookCell.Markdown("# Title"),
            NotebookCell.Code("var x = 20;\nConsole.WriteLine(\"hello\");\nConsole.Error.Write(\"warn\");"),
            NotebookCell.Code("""
                display("a chart");
                display(new List<double> { 0.5, 1.5 });
                x + 22
                """),
            NotebookCell.Code("var y = x;"),
            NotebookCell.Code("Environment.GetEnvironmentVariable(\"WORKBOOK_PROFILE\")"));

        Assert.True(result.Succeeded);
        var cells = result.Notebook.Cells;
        Assert.Null(cells[0].ExecutionCount);
        Assert.Equal([1, 2, 3, 4], cells.Skip(1).Select(c => c.ExecutionCount ?? 0));

        var first = cells[1].Outputs;
        Assert.Equal(2, first.Count);
        Assert.Equal(("stdout", "hello\n"), (first[0].Name, first[0].Text));
        Assert.Equal(("stderr", "warn"), (first[1].Name, first[1].Text));

        var second = cells[2].Outputs;
        Assert.Equal(
            [NotebookOutputType.DisplayData, NotebookOutputType.DisplayData, NotebookOutputType.ExecuteResult],
            second.Select(o => o.OutputType));
        Assert.Equal("a chart", second[0].GetText("text/plain"));
        Assert.Contains("[ 0.5, 1.5 ]", second[1].GetText("text/html"), StringComparison.Ordinal);
        Assert.Equal("[ 0.5, 1.5 ]", second[1].GetText("text/plain"));
        Assert.Equal("42", second[2].GetText("text/plain"));
        Assert.Contains("42", second[2].GetText("text/html"), StringComparison.Ordinal);
        Assert.Equal(2, second[2].ExecutionCount);

        Assert.Empty(cells[3].Outputs);
        Assert.Equal("smoke", cells[4].Outputs.Single().GetText("text/plain"));
        Assert.Empty(NbformatStructure.Validate(result.Notebook.ToJson()));
    }

    [Fact]
    public async Task A_compile_error_stops_the_run_and_is_recorded_with_the_cell_number()
    {
        var result = await Run(
            NotebookCell.Markdown("intro"),
            NotebookCell.Code("var a = 1;"),
            NotebookCell.Code("var b = a + undefinedName;\nvar c = otherName;"),
            NotebookCell.Code("var c = 3;"));

        Assert.False(result.Succeeded);
        var error = Assert.IsType<NotebookCellError>(result.Error);
        Assert.Equal((3, 2), (error.CellNumber, error.ExecutionCount));
        Assert.Equal("CompilationError", error.EName);
        Assert.Equal("(1,13): error CS0103: The name 'undefinedName' does not exist in the current context", error.EValue);
        Assert.StartsWith("test.ipynb: cell 3 (execution 2) failed: CompilationError: (1,13): error CS0103",
            error.Describe("test.ipynb"), StringComparison.Ordinal);

        var output = Assert.Single(result.Notebook.Cells[2].Outputs);
        Assert.Equal(NotebookOutputType.Error, output.OutputType);
        Assert.Equal(2, output.Traceback.Count);
        Assert.StartsWith("(2,9): error CS0103", output.Traceback[1], StringComparison.Ordinal);
        Assert.Null(result.Notebook.Cells[3].ExecutionCount);
        Assert.Empty(result.Notebook.Cells[3].Outputs);
        Assert.Empty(NbformatStructure.Validate(result.Notebook.ToJson()));
    }

    [Fact]
    public async Task Markdown_and_raw_cells_are_never_executed()
    {
        var result = await Run(
            NotebookCell.Markdown("throw new InvalidOperationException(\"markdown ran\");"),
            NotebookCell.Raw("throw new InvalidOperationException(\"raw ran\");"),
            NotebookCell.Code("6 * 7"));

        Assert.True(result.Succeeded, result.Error?.Describe("test"));
        Assert.Empty(result.Notebook.Cells[0].Outputs);
        Assert.Empty(result.Notebook.Cells[1].Outputs);
        Assert.Equal("42", result.Notebook.Cells[2].Outputs.Single().GetText("text/plain"));
        Assert.Equal(1, result.Notebook.Cells[2].ExecutionCount);
    }

    [Fact]
    public async Task A_runtime_error_keeps_earlier_output_and_records_the_exception()
    {
        var result = await Run(
            NotebookCell.Code("Console.WriteLine(\"before\");\nthrow new InvalidOperationException(\"boom\");"),
            NotebookCell.Code("1"));

        var error = Assert.IsType<NotebookCellError>(result.Error);
        Assert.Equal((1, "System.InvalidOperationException", "boom"), (error.CellNumber, error.EName, error.EValue));
        var outputs = result.Notebook.Cells[0].Outputs;
        Assert.Equal("before\n", outputs[0].Text);
        Assert.Equal("boom", outputs[1].EValue);
        Assert.StartsWith("System.InvalidOperationException: boom", outputs[1].Traceback[0], StringComparison.Ordinal);
        Assert.DoesNotContain(outputs[1].Traceback, line => line.Contains("Microsoft.CodeAnalysis", StringComparison.Ordinal));
        Assert.Null(result.Notebook.Cells[1].ExecutionCount);
    }

    [Fact]
    public async Task The_library_package_binds_to_the_assembly_the_host_loaded()
    {
        const string key = "Entanglement.Tests.Notebooks.tensor";
        var result = await Run(
            NotebookCell.Code("""
                #r "nuget: Entanglement, 0.1.0"
                using Entanglement.Tensors;
                using Entanglement.Tensors.Ops;
                AppDomain.CurrentDomain.SetData("Entanglement.Tests.Notebooks.tensor", Tensor.Ones(2, 3));
                """),
            NotebookCell.Code("Tensor.Ones(4).Sum().Item()"));

        Assert.True(result.Succeeded, result.Error?.Describe("test"));
        var tensor = Assert.IsType<Tensor>(AppDomain.CurrentDomain.GetData(key));
        Assert.Equal(6, tensor.Size);
        Assert.Equal("4", result.Notebook.Cells[1].Outputs.Single().GetText("text/plain"));
        AppDomain.CurrentDomain.SetData(key, null);
    }

    [Fact]
    public async Task Other_references_resolve_relative_to_the_notebook_folder()
    {
        var notebook = NotebookDocument.Of(NotebookCell.Code("#r \"xunit.assert.dll\"\ntypeof(Xunit.Assert).Name"));
        var options = new NotebookRunOptions { BaseDirectory = Path.GetDirectoryName(typeof(Assert).Assembly.Location) };

        var result = await new NotebookExecutor().RunAsync(notebook, options);

        Assert.True(result.Succeeded, result.Error?.Describe("test"));
        Assert.Equal("Assert", result.Notebook.Cells[0].Outputs.Single().GetText("text/plain"));
    }

    [Fact]
    public async Task The_profile_variable_is_restored_and_the_input_notebook_is_untouched()
    {
        var before = Environment.GetEnvironmentVariable(NotebookRunOptions.ProfileVariable);
        var notebook = NotebookDocument.Of(NotebookCell.Code("1"));

        var result = await new NotebookExecutor().RunAsync(notebook, new NotebookRunOptions());

        Assert.Equal(before, Environment.GetEnvironmentVariable(NotebookRunOptions.ProfileVariable));
        Assert.Equal("quick", result.Profile);
        Assert.Empty(notebook.Cells[0].Outputs);
        Assert.Null(notebook.Cells[0].ExecutionCount);
    }

    [Fact]
    public async Task A_cancelled_run_throws()
    {
        using var cancellation = new CancellationTokenSource();
        await cancellation.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => new NotebookExecutor().RunAsync(
            NotebookDocument.Of(NotebookCell.Code("1")), new NotebookRunOptions(), cancellation.Token));
    }

    [Fact]
    public async Task A_cell_reports_progress_through_the_ambient_sink_prefixed_with_its_cell_number()
    {
        var messages = new List<string>();
        var notebook = NotebookDocument.Of(
            NotebookCell.Markdown("intro"),
            NotebookCell.Code("""
                #r "nuget: Entanglement, 0.1.0"
                using Entanglement.Experiments;
                """),
            NotebookCell.Code("new ExperimentOptions().Progress?.Report(\"halfway\");"));
        var options = new NotebookRunOptions
        {
            Profile = "smoke",
            NotebookName = "test.ipynb",
            Progress = new ListProgress(messages),
        };

        var result = await new NotebookExecutor().RunAsync(notebook, options);

        Assert.True(result.Succeeded, result.Error?.Describe("test"));
        // A note that the cell compiled against this process's build (when the package is another build) may come first.
        Assert.Equal(["cell 3: halfway"], messages.Where(m => !m.StartsWith("Entanglement: compiled against", StringComparison.Ordinal)));
        Assert.Null(Entanglement.Experiments.AmbientProgress.Current);
    }

    private sealed class ListProgress(List<string> messages) : IProgress<string>
    {
        public void Report(string value) => messages.Add(value);
    }
}
