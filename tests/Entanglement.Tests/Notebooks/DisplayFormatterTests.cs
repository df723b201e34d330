using Entanglement.Notebooks;

namespace Entanglement.Tests.Notebooks;

public sealed class DisplayFormatterTests
{
    private sealed class Table(int rows)
    {
        public string ToHtml() => $"<table data-rows=\"{rows}\"></table>";

        public override string ToString() => $"Table({rows} rows)";
    }

    [Fact]
    public void An_object_with_ToHtml_gives_html_and_plain_text()
    {
        var bundle = DisplayFormatter.ToBundle(new Table(0));

        Assert.Equal("<table data-rows=\"0\"></table>", (string?)bundle["text/html"]);
        Assert.Equal("Table(0 rows)", (string?)bundle["text/plain"]);
    }

    [Fact]
    public void Other_values_give_invariant_plain_text_only()
    {
        Assert.False(DisplayFormatter.ToBundle(1.5).ContainsKey("text/html"));
        Assert.Equal("1.5", DisplayFormatter.ToPlainText(1.5));
        Assert.Equal("[1, 2.5, x]", DisplayFormatter.ToPlainText(new object[] { 1, 2.5f, "x" }));
        Assert.Equal("null", DisplayFormatter.ToPlainText(null));
        Assert.Equal("[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, ...]",
            DisplayFormatter.ToPlainText(Enumerable.Range(0, 30).ToList()));
    }
}
