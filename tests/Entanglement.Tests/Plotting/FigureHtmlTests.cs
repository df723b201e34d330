using Entanglement.Plotting;

namespace Entanglement.Tests.Plotting;

public sealed class FigureHtmlTests
{
    private static Figure Small() =>
        Figure.Of(Scatter.LineOf(new[] { 0.0, 1.0 }, new[] { 1.0, 0.5 }, "loss")).WithTitle("Small", SampleFigures.Caption);

    [Fact]
    public void Notebook_fragment_matches_snapshot() =>
        Snapshot.Verify(FigureHtml.Fragment(Small(), "fig-02-1"), "FigureHtml_Fragment", "html");

    [Fact]
    public void Cdn_page_matches_snapshot() =>
        Snapshot.Verify(FigureHtml.Page(Small(), "fig-00-1"), "FigureHtml_Page", "html");

    [Fact]
    public void Fragment_draws_into_its_div_and_loads_the_pinned_plotly_only_when_missing()
    {
        var html = FigureHtml.Fragment(Small(), "fig-02-1");

        Assert.StartsWith("<div id=\"fig-02-1\" class=\"wb-figure\"></div>\n<script", html, StringComparison.Ordinal);
        Assert.Contains("Plotly.newPlot(\"fig-02-1\", figure.data, figure.layout, figure.config)", html, StringComparison.Ordinal);
        Assert.Contains("if (window.Plotly) { draw(); return; }", html, StringComparison.Ordinal);
        Assert.Contains("https://cdn.plot.ly/plotly-" + PlotlyJs.Version + ".min.js", html, StringComparison.Ordinal);
        Assert.Contains(Small().ToJson(), html, StringComparison.Ordinal);
    }

    [Fact]
    public void Page_without_loader_relies_on_the_script_in_head()
    {
        var page = FigureHtml.Page(Small(), "fig-00-1", PlotlySource.Inline("/* plotly */ var s = '</script>';"));

        Assert.Contains("<script type=\"text/javascript\">\n/* plotly */ var s = '<\\/script>';\n</script>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("cdn.plot.ly", page, StringComparison.Ordinal);
        Assert.DoesNotContain("window.Plotly", page, StringComparison.Ordinal);
        Assert.Contains("<title>Small</title>", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1fig")]
    [InlineData("fig\"><script>")]
    [InlineData("fig 1")]
    public void Invalid_element_ids_are_rejected(string id) =>
        Assert.Throws<ArgumentException>(() => FigureHtml.Fragment(Small(), id));

    [Fact]
    public void ToHtml_uses_a_content_id_that_is_stable_and_differs_between_figures()
    {
        var id = FigureHtml.ContentId(Small());

        Assert.Matches("^fig-[0-9a-f]{12}$", id);
        Assert.Equal(id, FigureHtml.ContentId(Small()));
        Assert.NotEqual(id, FigureHtml.ContentId(Small().WithTitle("Other")));
        Assert.Equal(FigureHtml.Fragment(Small(), id), Small().ToHtml());
        Assert.Equal(FigureHtml.Fragment(Small(), "fig-03-2"), Small().ToHtml("fig-03-2"));
    }
}
