using System.CommandLine;
using System.Globalization;
using Entanglement.Notebooks;
using Entanglement.Plotting;
using Workbook.Cli;

namespace Workbook.Commands;

/// <summary>The options shared by <c>notebook run</c> and <c>report</c>: profile, plotly.js source and the page timestamp.</summary>
internal static class ReportPageOptions
{
    public static Option<string> Profile() => new Option<string>("--profile")
    {
        Description = "Profile exported as WORKBOOK_PROFILE while the cells run (quick, paper, ...).",
        DefaultValueFactory = _ => NotebookRunOptions.DefaultProfile,
    }.ProfileName();

    public static Option<string> Plotly(string defaultSource) => new Option<string>("--plotly")
    {
        Description = "Where pages get plotly.js: 'offline' (inlined from the pinned npm package, fetched once into a cache), " +
            "'cdn', or the path of a plotly.min.js to inline.",
        DefaultValueFactory = _ => defaultSource,
    }.PlotlySource();

    /// <summary>The page options: plotly.js inlined (offline or from a file) or from the CDN, and the timestamp.</summary>
    public static HtmlReportOptions Create(string plotly) => new()
    {
        PlotlyScript = plotly switch
        {
            "cdn" => HtmlReportOptions.DefaultPlotlyCdn,
            "offline" => PlotlyJs.Load(),
            _ when File.Exists(plotly) => File.ReadAllText(plotly),
            _ => throw new FileNotFoundException($"--plotly: expected 'offline', 'cdn' or an existing file, got '{plotly}'.", plotly),
        },
        Timestamp = Timestamp(),
    };

    // SOURCE_DATE_EPOCH (reproducible-builds convention) pins the footer time, so two runs give identical pages.
    private static DateTimeOffset Timestamp() =>
        long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), NumberStyles.Integer,
            CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds)
            : DateTimeOffset.UtcNow;
}
