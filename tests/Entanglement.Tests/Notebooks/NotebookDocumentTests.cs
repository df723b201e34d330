using System.Text.Json.Nodes;
using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

public sealed class NotebookDocumentTests
{
    private const string Jupyter = """
        {
         "cells": [
          { "cell_type": "markdown", "metadata": {"tags": ["intro"]}, "source": ["# Title\n", "text"] },
          { "cell_type": "code", "execution_count": 3, "metadata": {"collapsed": false}, "source": "var x = 1;\nx",
            "outputs": [
              { "output_type": "stream", "name": "stdout", "text": ["a\n", "b\n"] },
              { "output_type": "execute_result", "execution_count": 3, "metadata": {},
                "data": { "text/plain": ["1"], "application/json": {"v": [1, 2]} } },
              { "output_type": "error", "ename": "E", "evalue": "bad", "traceback": ["line 1", "line 2"] }
            ] },
          { "cell_type": "raw", "metadata": {}, "source": "" }
         ],
         "metadata": { "custom": {"answer": 42}, "kernelspec": {"name": "python3", "display_name": "Python 3"} },
         "nbformat": 4, "nbformat_minor": 2
        }
        """;

    [Fact]
    public void Parse_reads_sources_given_as_string_or_list_of_lines_and_every_output_kind()
    {
        var notebook = NotebookDocument.Parse(Jupyter);

        Assert.Equal(3, notebook.Cells.Count);
        Assert.Equal("# Title\ntext", notebook.Cells[0].Source);
        Assert.Equal("Title", notebook.Title);
        var code = notebook.Cells[1];
        Assert.Equal(NotebookCellType.Code, code.CellType);
        Assert.Equal("var x = 1;\nx", code.Source);
        Assert.Equal(3, code.ExecutionCount);
        Assert.Equal("a\nb\n", code.Outputs[0].Text);
        Assert.Equal("stdout", code.Outputs[0].Name);
        Assert.Equal("1", code.Outputs[1].GetText("text/plain"));
        Assert.Equal(3, code.Outputs[1].ExecutionCount);
        Assert.Equal(2, ((JsonArray?)code.Outputs[1].Data["application/json"]?["v"])?.Count);
        Assert.Equal(("E", "bad"), (code.Outputs[2].EName, code.Outputs[2].EValue));
        Assert.Equal(["line 1", "line 2"], code.Outputs[2].Traceback);
        Assert.Equal(NotebookCellType.Raw, notebook.Cells[2].CellType);
    }

    [Fact]
    public void Written_notebook_keeps_unknown_metadata_and_round_trips()
    {
        var notebook = NotebookDocument.Parse(Jupyter);

        var json = notebook.ToJson();
        var again = NotebookDocument.Parse(json);

        Assert.Equal(42, (int?)JsonNode.Parse(json)?["metadata"]?["custom"]?["answer"]);
        Assert.Equal("intro", (string?)again.Cells[0].Metadata["tags"]?[0]);
        Assert.False((bool?)again.Cells[1].Metadata["collapsed"]);
        Assert.Equal(json, again.ToJson());
        Assert.Equal(notebook.Cells.Select(c => c.Source), again.Cells.Select(c => c.Source));
        Assert.Equal("a\nb\n", again.Cells[1].Outputs[0].Text);
    }

    [Fact]
    public void Written_notebook_has_the_nbformat_4_5_structure_and_polyglot_csharp_metadata()
    {
        var notebook = NotebookDocument.Parse(Jupyter);

        var json = notebook.ToJson();
        var root = JsonNode.Parse(json)!;

        Assert.Empty(NbformatStructure.Validate(json));
        Assert.Equal(4, (int?)root["nbformat"]);
        Assert.Equal(5, (int?)root["nbformat_minor"]);
        Assert.Equal(".net-csharp", (string?)root["metadata"]?["kernelspec"]?["name"]);
        Assert.Equal(".NET (C#)", (string?)root["metadata"]?["kernelspec"]?["display_name"]);
        Assert.Equal("C#", (string?)root["metadata"]?["kernelspec"]?["language"]);
        Assert.Equal("csharp", (string?)root["metadata"]?["language_info"]?["name"]);
        var code = root["cells"]![1]!;
        Assert.Equal("csharp", (string?)code["metadata"]?["polyglot_notebook"]?["kernelName"]);
        Assert.Equal("csharp", (string?)code["metadata"]?["dotnet_interactive"]?["language"]);
        Assert.Equal(["var x = 1;\n", "x"], code["source"]!.AsArray().Select(line => (string?)line));
        Assert.Null(root["cells"]![0]!["metadata"]?["polyglot_notebook"]);
        var ids = root["cells"]!.AsArray().Select(cell => (string?)cell?["id"]).ToArray();
        Assert.Equal(ids.Length, ids.Distinct().Count());
    }

    [Fact]
    public void Duplicate_or_malformed_cell_ids_are_replaced_when_written()
    {
        var notebook = NotebookDocument.Of(NotebookCell.Markdown("a"), NotebookCell.Code("1"), NotebookCell.Raw("r"));
        notebook.Cells[0].Id = "same";
        notebook.Cells[1].Id = "same";
        notebook.Cells[2].Id = "has space";

        var json = notebook.ToJson();

        Assert.Empty(NbformatStructure.Validate(json));
        Assert.Equal("same", notebook.Cells[0].Id);
        Assert.NotEqual("same", notebook.Cells[1].Id);
    }

    [Fact]
    public void The_structure_checker_rejects_what_the_schema_rejects()
    {
        const string bad = """
            {"cells": [{"cell_type": "code", "id": "a", "metadata": {}, "source": 5, "outputs": [
              {"output_type": "stream", "name": "stdout"}]}], "metadata": {}, "nbformat": 4, "nbformat_minor": 4,
             "extra": 1}
            """;

        var errors = NbformatStructure.Validate(bad);

        Assert.Contains("root: property 'extra' is not allowed", errors);
        Assert.Contains("root.nbformat_minor: must be an integer >= 5 (cell ids)", errors);
        Assert.Contains("cells[0]: missing required 'execution_count'", errors);
        Assert.Contains("cells[0].source: must be a string or an array of strings", errors);
        Assert.Contains("cells[0].outputs[0]: missing required 'text'", errors);
    }

    [Fact]
    public void Load_names_the_file_when_it_is_not_an_nbformat_4_notebook()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nb-{Environment.ProcessId}-v3.ipynb");
        File.WriteAllText(path, """{"nbformat": 3, "cells": []}""");
        try
        {
            var e = Assert.Throws<InvalidDataException>(() => NotebookDocument.Load(path));
            Assert.Contains(path, e.Message, StringComparison.Ordinal);
            Assert.Contains("nbformat 3", e.Message, StringComparison.Ordinal);
            Assert.Throws<InvalidDataException>(() => NotebookDocument.Parse("{ not json"));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Save_writes_the_notebook_and_load_reads_it_back()
    {
        var path = Path.Combine(Path.GetTempPath(), $"nb-{Environment.ProcessId}-save.ipynb");
        var notebook = NotebookDocument.Of(NotebookCell.Markdown("# T\n\nline"), NotebookCell.Code("1 + 1"));
        try
        {
            notebook.Save(path);
            var loaded = NotebookDocument.Load(path);
            Assert.Equal("# T\n\nline", loaded.Cells[0].Source);
            Assert.EndsWith("\n", File.ReadAllText(path), StringComparison.Ordinal);
            Assert.False(File.Exists(path + ".tmp"));
        }
        finally
        {
            File.Delete(path);
        }
    }
}
