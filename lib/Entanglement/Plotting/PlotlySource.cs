namespace Entanglement.Plotting;

/// <summary>Where a standalone page gets plotly.js: the CDN (default), or the script text inlined for offline use.</summary>
public sealed class PlotlySource
{
    private PlotlySource(string? url, string? inlineScript)
    {
        Url = url;
        InlineScript = inlineScript;
    }

    /// <summary>The pinned plotly.js from its CDN (<see cref="PlotlyJs.CdnUrl"/>).</summary>
    public static PlotlySource Cdn { get; } = new(PlotlyJs.CdnUrl, null);

    /// <summary>The script URL, or null when inlined.</summary>
    public string? Url { get; }

    /// <summary>The inlined script text, or null when loaded from <see cref="Url"/>.</summary>
    public string? InlineScript { get; }

    /// <summary>plotly.js inlined from the npm package cache (fetched once with npm; see <see cref="PlotlyJs.Load(string?)"/>).</summary>
    public static PlotlySource Offline(string? cacheDirectory = null) => Inline(PlotlyJs.Load(cacheDirectory));

    /// <summary>The given plotly.js script text, inlined.</summary>
    public static PlotlySource Inline(string script)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(script);
        return new PlotlySource(null, script);
    }

    /// <summary>A script loaded from <paramref name="url"/>.</summary>
    public static PlotlySource FromUrl(string url)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(url);
        return new PlotlySource(url, null);
    }
}
