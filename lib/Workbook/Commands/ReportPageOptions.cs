using System.CommandLine;
using System.Globalization;
using Entanglement.Notebooks;

namespace Workbook.Commands;

/// <summary>The options shared by <c>notebook run</c> and <c>report</c>: profile, plotly.js source and the page timestamp.</summary>
internal static class ReportPageOptions
{
    public static Option<string> Profile() => new("--profile")
    {
        Description = "Profile exported as WORKBOOK_PROFILE while the cells run (quick, paper, ...).",
        DefaultValueFactory = _ => NotebookRunOptions.DefaultProfile,
    };

    public static Option<FileInfo?> Plotly() => new("--plotly")
    {
        Description = "plotly.min.js to inline for offline pages (default: load plotly.js from its CDN).",
    };

    /// <summary>The page options: plotly.js inlined from <paramref name="plotly"/> or the CDN, and the timestamp.</summary>
    public static HtmlReportOptions Create(FileInfo? plotly)
    {
        if (plotly is { Exists: false })
        {
            throw new FileNotFoundException($"--plotly: no file at '{plotly.FullName}'", plotly.FullName);
        }

        return new HtmlReportOptions
        {
            PlotlyScript = plotly is null ? HtmlReportOptions.DefaultPlotlyCdn : File.ReadAllText(plotly.FullName),
            Timestamp = Timestamp(),
        };
    }

    // SOURCE_DATE_EPOCH (reproducible-builds convention) pins the footer time, so two runs give identical pages.
    private static DateTimeOffset Timestamp() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;
}
