using System.Text.Json.Nodes;
using Entanglement.Notebooks;
using Microsoft.Playwright;

namespace Entanglement.Tests.Notebooks;

/// <summary>Opens an offline report (plotly.js inlined) in headless Chromium and checks that its chart rendered.</summary>
public sealed class BrowserRenderTests
{
    private static readonly string[] ChromiumArgs =
    [
        "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static string WriteOfflineReport()
    {
        var chart = NotebookCell.Code("Charts.Demo()");
        chart.ExecutionCount = 1;
        chart.Outputs.Add(NotebookOutput.ExecuteResult(new JsonObject
        {
            ["text/html"] = """
                <div id="fig-99-1" style="width:600px;height:400px"></div>
                <script>Plotly.newPlot("fig-99-1", [{"type":"scatter","x":[1,2,3],"y":[2,1,3],"name":"downstream"}],
                  {"title":{"text":"test chart"}}, {"responsive":true});</script>
                """,
            ["text/plain"] = "Figure",
        }, 1));
        var notebook = NotebookDocument.Of(NotebookCell.Markdown("# Browser test\n\nOne chart."), chart);
        var html = ReportWriter.RenderNotebook(notebook, new HtmlReportOptions { PlotlyScript = PlotlyPackage.Script() });
        var path = Path.Combine(Path.GetTempPath(), $"browser-report-{Environment.ProcessId}-{Guid.NewGuid():N}.html");
        File.WriteAllText(path, html);
        return path;
    }

    [ChromiumFact]
    public async Task Offline_report_chart_renders_in_headless_chromium_without_console_errors()
    {
        var path = WriteOfflineReport();
        try
        {
            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
            {
                ExecutablePath = ChromiumFactAttribute.ChromiumPath,
                Headless = true,
                Args = ChromiumArgs,
            });
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            var external = new List<string>();
            page.Console += (_, message) =>
            {
                if (message.Type == "error")
                {
                    errors.Add(message.Text);
                }
            };
            page.PageError += (_, error) => errors.Add(error);
            // Offline means offline: any request that is not the page itself fails the test.
            await page.RouteAsync("**/*", async route =>
            {
                if (route.Request.Url.StartsWith("file:", StringComparison.Ordinal))
                {
                    await route.ContinueAsync();
                    return;
                }

                external.Add(route.Request.Url);
                await route.AbortAsync();
            });

            await page.GotoAsync(new Uri(path).AbsoluteUri);
            await page.WaitForSelectorAsync("#fig-99-1 .main-svg", new PageWaitForSelectorOptions { Timeout = 30_000 });

            Assert.True(await page.Locator("#fig-99-1 .main-svg").CountAsync() >= 1);
            Assert.Equal(1, await page.Locator("#fig-99-1 .scatterlayer .trace").CountAsync());
            Assert.Equal("test chart", await page.Locator("#fig-99-1 .gtitle").TextContentAsync());
            Assert.Empty(errors);
            Assert.Empty(external);
        }
        finally
        {
            File.Delete(path);
        }
    }
}
