using Entanglement.Plotting;

namespace Entanglement.Tests.Plotting;

public sealed class PlotlyJsTests
{
    private const string MissingNpm = "npm-that-does-not-exist-8f3a";

    [Fact]
    public void Cdn_url_names_the_pinned_version() =>
        Assert.Equal("https://cdn.plot.ly/plotly-2.35.3.min.js", PlotlyJs.CdnUrl);

    /// <summary>Fetches the npm package once (slow the first time only); later runs read the cache.</summary>
    [Fact]
    public void Load_fetches_the_pinned_package_once_and_then_reads_the_cache()
    {
        var text = PlotlyJs.Load();

        Assert.True(text.Length > 1_000_000, $"plotly.min.js is only {text.Length} characters");
        Assert.Contains("v" + PlotlyJs.Version, text[..400], StringComparison.Ordinal);
        Assert.True(File.Exists(PlotlyJs.CachePath()));
        Assert.Equal(text, PlotlyJs.Load(null, MissingNpm));
    }

    [Fact]
    public void A_cached_copy_is_used_without_npm()
    {
        var cache = Directory.CreateTempSubdirectory("plotly-cache-test-");
        try
        {
            var fake = "/* plotly.js v" + PlotlyJs.Version + " */" + new string(' ', 200_000);
            File.WriteAllText(PlotlyJs.CachePath(cache.FullName), fake);

            Assert.Equal(fake, PlotlyJs.Load(cache.FullName, MissingNpm));
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }

    [Fact]
    public void A_wrong_cached_version_is_refetched_and_a_missing_npm_is_a_clear_error()
    {
        var cache = Directory.CreateTempSubdirectory("plotly-cache-test-");
        try
        {
            File.WriteAllText(PlotlyJs.CachePath(cache.FullName), "/* plotly.js v1.0.0 */");

            var error = Assert.Throws<InvalidOperationException>(() => PlotlyJs.Load(cache.FullName, MissingNpm));

            Assert.Contains("was not found", error.Message, StringComparison.Ordinal);
            Assert.Contains(MissingNpm, error.Message, StringComparison.Ordinal);
        }
        finally
        {
            cache.Delete(recursive: true);
        }
    }
}
