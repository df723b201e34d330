using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

public sealed class ReportWriterTests
{
    private static readonly DateTimeOffset Timestamp = new(2026, 1, 2, 3, 4, 5, TimeSpan.Zero);

    private static NotebookDocument Executed()
    {
        var code = NotebookCell.Code("var xs = new List<int> { 1, 2 };\nif (xs.Count < 3 && xs[0] > 0) { display(\"<b>\"); }");
        code.ExecutionCount = 1;
        code.Outputs.Add(NotebookOutput.Stream("stdout", "a < b\n"));
        code.Outputs.Add(NotebookOutput.DisplayData(new JsonObject { ["text/html"] = "<div class=\"chart\">c</div>", ["text/plain"] = "chart" }));
        code.Outputs.Add(NotebookOutput.ExecuteResult(new JsonObject { ["text/plain"] = "<plain & text>" }, 1));
        var failing = NotebookCell.Code("boom()");
        failing.ExecutionCount = 2;
        failing.Outputs.Add(NotebookOutput.Error("System.Exception", "it <broke>", ["System.Exception: it <broke>", "   at Submission#1"]));
        return NotebookDocument.Of(
            NotebookCell.Markdown("# Loss-function mismatch\n\nSome **bold** text.\n\n## Setup\n\n| r | loss |\n|---|------|\n| 0.1 | 0.5 |"),
            code,
            NotebookCell.Markdown("## Setup\n\n### Details `x`"),
            failing);
    }

    private static string Render(NotebookDocument notebook, HtmlReportOptions? options = null) =>
        ReportWriter.RenderNotebook(notebook, options ?? new HtmlReportOptions
        {
            Profile = "quick",
            Duration = TimeSpan.FromSeconds(12.34),
            Timestamp = Timestamp,
            LibraryVersion = "1.2.3",
        });

    [Fact]
    public void Page_has_a_table_of_contents_linking_unique_heading_ids()
    {
        var html = Render(Executed());

        Assert.Contains("<li class=\"h1\"><a href=\"#loss-function-mismatch\">Loss-function mismatch</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"h2\"><a href=\"#setup\">Setup</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"h2\"><a href=\"#setup-2\">Setup</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<li class=\"h3\"><a href=\"#details-x\">Details x</a></li>", html, StringComparison.Ordinal);
        Assert.Contains("<h2 id=\"setup-2\">Setup</h2>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Loss-function mismatch</title>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_is_rendered_with_pipe_tables()
    {
        var html = Render(Executed());

        Assert.Contains("<h1 id=\"loss-function-mismatch\">Loss-function mismatch</h1>", html, StringComparison.Ordinal);
        Assert.Contains("<strong>bold</strong>", html, StringComparison.Ordinal);
        Assert.Matches(new Regex(@"<table>\s*<thead>\s*<tr>\s*<th>r</th>\s*<th>loss</th>"), html);
        Assert.Contains("<td>0.1</td>", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Code_and_text_are_escaped_while_html_outputs_are_kept()
    {
        var html = Render(Executed());

        Assert.Contains("<pre><code class=\"language-csharp\">var xs = new List&lt;int&gt; { 1, 2 };\n"
            + "if (xs.Count &lt; 3 &amp;&amp; xs[0] &gt; 0) { display(&quot;&lt;b&gt;&quot;); }</code></pre>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"output stream stdout\">a &lt; b\n</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"chart\">c</div>", html, StringComparison.Ordinal);
        Assert.Contains("<pre class=\"output text\">&lt;plain &amp; text&gt;</pre>", html, StringComparison.Ordinal);
        Assert.Contains("<div class=\"output error\"><pre><strong>System.Exception</strong>: it &lt;broke&gt;\n   at Submission#1</pre></div>",
            html, StringComparison.Ordinal);
        Assert.Contains("In [2]:", html, StringComparison.Ordinal);
    }

    [Fact]
    public void Header_states_the_run_and_only_the_footer_carries_the_timestamp()
    {
        var html = Render(Executed());

        Assert.Contains("<dt>Profile</dt><dd>quick</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Run duration</dt><dd>12.3 s</dd>", html, StringComparison.Ordinal);
        Assert.Contains("<dt>Library</dt><dd>Entanglement 1.2.3</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("Seeds", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "<footer>"));
        Assert.Contains("<footer>Generated 2026-01-02 03:04:05 UTC by Entanglement 1.2.3.</footer>", html, StringComparison.Ordinal);
        Assert.Single(Regex.Matches(html, "2026"));
        Assert.Equal(html, Render(Executed()));
    }

    [Fact]
    public void Seeds_come_from_the_options_or_else_the_notebook_metadata()
    {
        var notebook = Executed();
        notebook.Metadata["workbook"] = new JsonObject { ["seeds"] = new JsonArray(0, 1, 2) };

        Assert.Contains("<dt>Seeds</dt><dd>0, 1, 2</dd>", Render(notebook), StringComparison.Ordinal);
        Assert.Contains("<dt>Seeds</dt><dd>7</dd>", Render(notebook, new HtmlReportOptions { Seeds = [7] }), StringComparison.Ordinal);
    }

    [Fact]
    public void Plotly_comes_from_the_cdn_by_default_or_is_inlined_safely()
    {
        var cdn = Render(Executed(), new HtmlReportOptions());
        var inline = Render(Executed(), new HtmlReportOptions { PlotlyScript = "var s = '</script>'; window.Plotly = {};" });

        Assert.Contains("<script src=\"https://cdn.plot.ly/plotly-2.35.2.min.js\" charset=\"utf-8\"></script>", cdn, StringComparison.Ordinal);
        Assert.Contains("<script>var s = '<\\/script>'; window.Plotly = {};</script>", inline, StringComparison.Ordinal);
    }

    [Fact]
    public void Index_links_each_report_with_its_status()
    {
        ReportEntry[] entries =
        [
            new() { Title = "Overview", HtmlLink = "00-overview.html", NotebookLink = "00-overview.ipynb", Duration = TimeSpan.FromSeconds(3) },
            new() { Title = "Broken <1>", HtmlLink = "01-b.html", Error = "01-b.ipynb: cell 3 (execution 2) failed: E: x" },
        ];

        var html = ReportWriter.RenderIndex(entries, new HtmlReportOptions { Profile = "quick", Timestamp = Timestamp });

        Assert.Contains("<a href=\"00-overview.html\">Overview</a>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"00-overview.ipynb\">00-overview.ipynb</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status ok\">ok</span>", html, StringComparison.Ordinal);
        Assert.Contains("<a href=\"01-b.html\">Broken &lt;1&gt;</a>", html, StringComparison.Ordinal);
        Assert.Contains("<span class=\"status failed\">failed: 01-b.ipynb: cell 3 (execution 2) failed: E: x</span>", html, StringComparison.Ordinal);
        Assert.Contains("<dd>1 of 2 ran without error</dd>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("plotly", html, StringComparison.Ordinal);
    }
}
