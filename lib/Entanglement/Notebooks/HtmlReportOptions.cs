using System.Reflection;

namespace Entanglement.Notebooks;

/// <summary>What an HTML report page shows besides the notebook: run facts, the plotly.js source and the footer timestamp.</summary>
public sealed record HtmlReportOptions
{
    /// <summary>plotly.js from its CDN, the pinned version the charts are written for.</summary>
    public const string DefaultPlotlyCdn = Plotting.PlotlyJs.CdnUrl;

    /// <summary>The page title; the notebook's first <c># heading</c> when null.</summary>
    public string? Title { get; init; }

    /// <summary>The profile the notebook ran with; omitted from the header when null.</summary>
    public string? Profile { get; init; }

    /// <summary>The seeds of the run; when null, the notebook's <c>metadata.workbook.seeds</c>; omitted when neither.</summary>
    public IReadOnlyList<int>? Seeds { get; init; }

    /// <summary>How long the run took; omitted when null.</summary>
    public TimeSpan? Duration { get; init; }

    /// <summary>The library version shown in the header (the assembly's informational version by default).</summary>
    public string LibraryVersion { get; init; } = CurrentLibraryVersion;

    /// <summary>The time written in the page's one footer line (the only time-dependent text of the page).</summary>
    public DateTimeOffset Timestamp { get; init; } = DateTimeOffset.UnixEpoch;

    /// <summary>
    /// plotly.js for the charts: an <c>http(s)://</c> URL becomes <c>&lt;script src&gt;</c>; anything else is the
    /// script text itself, inlined for offline pages.
    /// </summary>
    public string PlotlyScript { get; init; } = DefaultPlotlyCdn;

    /// <summary>The informational version of the Entanglement library.</summary>
    public static string CurrentLibraryVersion { get; } =
        typeof(HtmlReportOptions).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HtmlReportOptions).Assembly.GetName().Version?.ToString()
        ?? "unknown";
}
