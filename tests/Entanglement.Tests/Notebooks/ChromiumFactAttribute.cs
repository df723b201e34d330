namespace Entanglement.Tests.Notebooks;

/// <summary>A fact that needs Debian's Chromium and npm (for plotly.js); skipped, saying why, when either is missing.</summary>
public sealed class ChromiumFactAttribute : FactAttribute
{
    public const string ChromiumPath = "/usr/bin/chromium";

    public ChromiumFactAttribute()
    {
        if (!File.Exists(ChromiumPath))
        {
            Skip = $"needs Chromium at {ChromiumPath} (apt-get install -y chromium)";
        }
        else if (FindOnPath("npm") is null)
        {
            Skip = "needs npm to fetch plotly.js-dist-min for the offline page";
        }
    }

    public static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, name))
            .FirstOrDefault(File.Exists);
}
