using System.Globalization;
using Entanglement.Plotting;

namespace Entanglement.Tests.Plotting;

public sealed class TableTests
{
    private static Table Sample() =>
        Table.Of(new TableColumn("r"), new TableColumn("model"), new TableColumn("loss", "F3"))
            .WithRow(0.5, "linear", 0.12345)
            .WithRow(1, "conv <b>", 1234.5)
            .WithCaption("profile quick · seeds 0, 1");

    [Fact]
    public void Text_aligns_numbers_right_and_text_left()
    {
        const string expected =
            "profile quick · seeds 0, 1\n" +
            "  r  model         loss\n" +
            "---  --------  --------\n" +
            "0.5  linear       0.123\n" +
            "  1  conv <b>  1234.500\n";

        Assert.Equal(expected, Sample().ToText());
    }

    [Fact]
    public void A_NaN_reads_as_undefined_in_text_and_html()
    {
        var table = Table.Of(new TableColumn("mean"), new TableColumn("sd")).WithRow(0.25, double.NaN).WithRow(0.5f, float.NaN);

        Assert.DoesNotContain("NaN", table.ToText(), StringComparison.Ordinal);
        Assert.DoesNotContain("NaN", table.ToHtml(), StringComparison.Ordinal);
        Assert.Equal("0.25  undefined", table.ToText().Split('\n')[2]);
    }

    [Fact]
    public void Html_matches_snapshot_and_escapes_cells() =>
        Snapshot.Verify(Sample().ToHtml(), "Table_Html", "html");

    [Fact]
    public void Numbers_use_the_invariant_culture_whatever_the_current_culture()
    {
        var saved = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("de-DE");
            var table = Table.Of("x").WithRow(1.5);

            Assert.Equal("1.5", table.Rows[0][0].Text);
        }
        finally
        {
            CultureInfo.CurrentCulture = saved;
        }
    }

    [Fact]
    public void From_builds_one_row_per_item()
    {
        var table = Table.From(
            new[] { (R: 0.1, Loss: 0.25), (R: 0.2, Loss: 0.5) },
            (new TableColumn("r"), item => item.R),
            (new TableColumn("loss"), item => item.Loss));

        Assert.Equal(["0.1", "0.2"], table.Rows.Select(r => r[0].Text));
        Assert.Equal(["0.25", "0.5"], table.Rows.Select(r => r[1].Text));
    }

    [Fact]
    public void A_row_of_the_wrong_width_is_rejected() =>
        Assert.Throws<ArgumentException>(() => Table.Of("a", "b").WithRow(1.0));
}
