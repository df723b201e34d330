using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

/// <summary>The report template against its approved page: a mismatch writes <c>.received.html</c> beside it and fails.</summary>
public sealed class ReportSnapshotTests
{
    [Fact]
    public void Report_page_matches_the_approved_snapshot()
    {
        var code = NotebookCell.Code("var config = Demo.Config.For(\"quick\");\nconfig.R");
        code.ExecutionCount = 1;
        code.Outputs.Add(NotebookOutput.Stream("stdout", "epoch 1: loss 0.5\n"));
        code.Outputs.Add(NotebookOutput.ExecuteResult(new JsonObject { ["text/plain"] = "0.25" }, 1));
        var notebook = NotebookDocument.Of(
            NotebookCell.Markdown("# Snapshot\n\n> Paper: §4.1.1, Figure 4(a)\n\n## Run"),
            code);
        var options = new HtmlReportOptions
        {
            Profile = "quick",
            Seeds = [0, 1],
            Duration = TimeSpan.FromSeconds(2),
            LibraryVersion = "0.0.0-test",
            Timestamp = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero),
        };

        Approve("ReportWriter.Page", ReportWriter.RenderNotebook(notebook, options));
    }

    private static void Approve(string name, string actual, [CallerFilePath] string sourceFile = "")
    {
        var folder = Path.Combine(Path.GetDirectoryName(sourceFile) ?? ".", "Snapshots");
        var approved = Path.Combine(folder, name + ".approved.html");
        var received = Path.Combine(folder, name + ".received.html");
        if (File.Exists(approved) && File.ReadAllText(approved) == actual)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, actual);
        Assert.Fail($"{name}: page differs from {approved}; the new page is in {received} (rename it to approve)");
    }
}
