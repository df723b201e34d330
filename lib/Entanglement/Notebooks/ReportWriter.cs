using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Entanglement.Notebooks;

/// <summary>
/// The self-contained HTML report of an executed notebook (header with the run's facts, table of contents, rendered
/// markdown, code and outputs, one footer line with the timestamp) and the index page linking a set of reports.
/// </summary>
public static class ReportWriter
{
    /// <summary>The HTML page of <paramref name="notebook"/>.</summary>
    public static string RenderNotebook(NotebookDocument notebook, HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        ArgumentNullException.ThrowIfNull(options);
        var markdown = new MarkdownRenderer();
        var body = new StringBuilder();
        foreach (var cell in notebook.Cells)
        {
            switch (cell.CellType)
            {
                case NotebookCellType.Markdown:
                    body.Append("<section class=\"cell markdown\">\n").Append(markdown.Render(cell.Source)).Append("</section>\n");
                    break;
                case NotebookCellType.Code:
                    OutputHtml.AppendCodeCell(body, cell);
                    break;
                default:
                    body.Append("<pre class=\"cell raw\">").Append(Html.Escape(cell.Source)).Append("</pre>\n");
                    break;
            }
        }

        var title = options.Title ?? notebook.Title ?? "Notebook";
        var page = new StringBuilder();
        AppendHead(page, title, options.PlotlyScript);
        page.Append("<header class=\"run\">\n<h1 class=\"title\">").Append(Html.Escape(title)).Append("</h1>\n<dl>\n");
        if (options.Profile is { } profile)
        {
            Fact(page, "Profile", profile);
        }

        if ((options.Seeds ?? SeedsOf(notebook)) is { Count: > 0 } seeds)
        {
            Fact(page, "Seeds", string.Join(", ", seeds.Select(s => s.ToString(CultureInfo.InvariantCulture))));
        }

        if (options.Duration is { } duration)
        {
            Fact(page, "Run duration", FormatDuration(duration));
        }

        Fact(page, "Library", "Entanglement " + options.LibraryVersion);
        page.Append("</dl>\n</header>\n");
        AppendToc(page, markdown.Headings);
        page.Append("<main>\n").Append(body).Append("</main>\n");
        page.Append(Html.Footer(options.Timestamp, options.LibraryVersion)).Append("\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The HTML page of a run: the run's profile and duration go in the header.</summary>
    public static string RenderRun(NotebookRunResult result, HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(options);
        return RenderNotebook(result.Notebook,
            options with { Profile = options.Profile ?? result.Profile, Duration = options.Duration ?? result.Duration });
    }

    /// <summary>The index page linking <paramref name="entries"/> with their status.</summary>
    public static string RenderIndex(IReadOnlyList<ReportEntry> entries, HtmlReportOptions options)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentNullException.ThrowIfNull(options);
        var title = options.Title ?? "Fixes That Fail workbook: reports";
        var page = new StringBuilder();
        AppendHead(page, title, plotlyScript: null);
        page.Append("<header class=\"run\">\n<h1 class=\"title\">").Append(Html.Escape(title)).Append("</h1>\n<dl>\n");
        if (options.Profile is { } profile)
        {
            Fact(page, "Profile", profile);
        }

        Fact(page, "Notebooks", $"{entries.Count(e => e.Succeeded).ToString(CultureInfo.InvariantCulture)} of "
            + $"{entries.Count.ToString(CultureInfo.InvariantCulture)} ran without error");
        Fact(page, "Library", "Entanglement " + options.LibraryVersion);
        page.Append("</dl>\n</header>\n<main>\n<table class=\"index\">\n<thead><tr><th>Notebook</th><th>Status</th>")
            .Append("<th>Run duration</th><th>Executed notebook</th></tr></thead>\n<tbody>\n");
        foreach (var entry in entries)
        {
            var name = entry.HtmlLink is { } html
                ? $"<a href=\"{Html.Escape(html)}\">{Html.Escape(entry.Title)}</a>"
                : Html.Escape(entry.Title);
            var status = entry.Error is { } error
                ? $"<span class=\"status failed\">failed: {Html.Escape(error)}</span>"
                : "<span class=\"status ok\">ok</span>";
            var ipynb = entry.NotebookLink is { } link ? $"<a href=\"{Html.Escape(link)}\">{Html.Escape(link)}</a>" : "";
            page.Append("<tr><td>").Append(name).Append("</td><td>").Append(status).Append("</td><td>")
                .Append(FormatDuration(entry.Duration)).Append("</td><td>").Append(ipynb).Append("</td></tr>\n");
        }

        page.Append("</tbody>\n</table>\n</main>\n");
        page.Append(Html.Footer(options.Timestamp, options.LibraryVersion)).Append("\n</body>\n</html>\n");
        return page.ToString();
    }

    /// <summary>The seeds in <c>metadata.workbook.seeds</c>, or null when the notebook has none.</summary>
    public static IReadOnlyList<int>? SeedsOf(NotebookDocument notebook)
    {
        ArgumentNullException.ThrowIfNull(notebook);
        if (notebook.Metadata["workbook"] is not JsonObject workbook || workbook["seeds"] is not JsonArray seeds)
        {
            return null;
        }

        return [.. seeds.OfType<JsonValue>().Select(v => v.TryGetValue<int>(out var s) ? s : (int?)null).OfType<int>()];
    }

    private static void AppendHead(StringBuilder page, string title, string? plotlyScript)
    {
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(Html.Escape(title)).Append("</title>\n<style>\n").Append(Html.Style).Append("\n</style>\n");
        if (plotlyScript is not null)
        {
            page.Append(Html.PlotlyScriptElement(plotlyScript)).Append('\n');
        }

        page.Append("</head>\n<body>\n");
    }

    private static void AppendToc(StringBuilder page, List<(int Level, string Text, string Id)> headings)
    {
        if (headings.Count == 0)
        {
            return;
        }

        page.Append("<nav class=\"toc\">\n<strong>Contents</strong>\n<ul>\n");
        foreach (var (level, text, id) in headings)
        {
            page.Append("<li class=\"h").Append(level.ToString(CultureInfo.InvariantCulture)).Append("\"><a href=\"#")
                .Append(Html.Escape(id)).Append("\">").Append(Html.Escape(text)).Append("</a></li>\n");
        }

        page.Append("</ul>\n</nav>\n");
    }

    private static void Fact(StringBuilder page, string name, string value) =>
        page.Append("<dt>").Append(Html.Escape(name)).Append("</dt><dd>").Append(Html.Escape(value)).Append("</dd>\n");

    private static string FormatDuration(TimeSpan duration) => duration.TotalSeconds < 60
        ? duration.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture) + " s"
        : $"{((int)duration.TotalMinutes).ToString(CultureInfo.InvariantCulture)} min "
          + $"{duration.Seconds.ToString(CultureInfo.InvariantCulture)} s";
}
