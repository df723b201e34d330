using System.Collections.Immutable;
using System.Globalization;
using System.Net;
using System.Text;

namespace Entanglement.Plotting;

/// <summary>
/// A small results table: columns and rows of cells formatted once, in the invariant culture. Renders to HTML
/// (numbers right-aligned) and to plain text; notebook front-ends show it as HTML through its formatter.
/// </summary>
[TypeFormatterSource(typeof(PlottingFormatterSource), PreferredMimeTypes = ["text/html", "text/plain"])]
public sealed record Table
{
    /// <summary>The columns.</summary>
    public ImmutableArray<TableColumn> Columns { get; init; } = [];

    /// <summary>The rows, each with one cell per column.</summary>
    public ImmutableArray<ImmutableArray<TableCell>> Rows { get; init; } = [];

    /// <summary>A caption (profile and seeds, say).</summary>
    public string? Caption { get; init; }

    /// <summary>An empty table with the given headers.</summary>
    public static Table Of(params string[] headers)
    {
        ArgumentNullException.ThrowIfNull(headers);
        return Of([.. headers.Select(h => new TableColumn(h))]);
    }

    /// <summary>An empty table with the given columns.</summary>
    public static Table Of(params TableColumn[] columns)
    {
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
        {
            throw new ArgumentException("A table needs at least one column.", nameof(columns));
        }

        return new Table { Columns = [.. columns] };
    }

    /// <summary>A table with one row per item, each column computed from the item.</summary>
    public static Table From<T>(IEnumerable<T> items, params (TableColumn Column, Func<T, object?> Value)[] columns)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(columns);
        var table = Of([.. columns.Select(c => c.Column)]);
        foreach (var item in items)
        {
            table = table.WithRow([.. columns.Select(c => c.Value(item))]);
        }

        return table;
    }

    /// <summary>This table with a row appended; numbers use their column's format, null is an empty cell.</summary>
    public Table WithRow(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != Columns.Length)
        {
            throw new ArgumentException(
                $"Table row has {values.Length} values but the table has {Columns.Length} columns.", nameof(values));
        }

        var cells = values.Select((v, i) => FormatCell(v, Columns[i].Format)).ToImmutableArray();
        return this with { Rows = Rows.Add(cells) };
    }

    /// <summary>This table with a caption.</summary>
    public Table WithCaption(string caption)
    {
        ArgumentNullException.ThrowIfNull(caption);
        return this with { Caption = caption };
    }

    /// <summary>The table as an HTML <c>&lt;table&gt;</c>.</summary>
    public string ToHtml()
    {
        var numeric = NumericColumns();
        var html = new StringBuilder("<table class=\"wb-table\">\n");
        if (Caption is not null)
        {
            html.Append("<caption>").Append(WebUtility.HtmlEncode(Caption)).Append("</caption>\n");
        }

        html.Append("<thead><tr>");
        for (var c = 0; c < Columns.Length; c++)
        {
            html.Append(numeric[c] ? "<th style=\"text-align:right\">" : "<th style=\"text-align:left\">")
                .Append(WebUtility.HtmlEncode(Columns[c].Header)).Append("</th>");
        }

        html.Append("</tr></thead>\n<tbody>\n");
        foreach (var row in Rows)
        {
            html.Append("<tr>");
            foreach (var cell in row)
            {
                html.Append(cell.IsNumeric ? "<td style=\"text-align:right\">" : "<td style=\"text-align:left\">")
                    .Append(WebUtility.HtmlEncode(cell.Text)).Append("</td>");
            }

            html.Append("</tr>\n");
        }

        return html.Append("</tbody>\n</table>\n").ToString();
    }

    /// <summary>The table as aligned plain text, numbers right-aligned.</summary>
    public string ToText()
    {
        var numeric = NumericColumns();
        var widths = Columns.Select((c, i) => Rows.Select(r => r[i].Text.Length).Append(c.Header.Length).Max()).ToArray();
        var text = new StringBuilder();
        if (Caption is not null)
        {
            text.Append(Caption).Append('\n');
        }

        AppendLine(text, Columns.Select(c => c.Header).ToArray(), numeric, widths);
        text.Append(string.Join("  ", widths.Select(w => new string('-', w)))).Append('\n');
        foreach (var row in Rows)
        {
            AppendLine(text, row.Select(c => c.Text).ToArray(), [.. row.Select(c => c.IsNumeric)], widths);
        }

        return text.ToString();
    }

    /// <inheritdoc/>
    public override string ToString() => ToText();

    private bool[] NumericColumns() =>
        [.. Columns.Select((_, i) => Rows.Length > 0 && Rows.All(r => r[i].IsNumeric || r[i].Text.Length == 0))];

    private static void AppendLine(StringBuilder text, string[] cells, bool[] rightAlign, int[] widths)
    {
        var padded = cells.Select((c, i) => rightAlign[i] ? c.PadLeft(widths[i]) : c.PadRight(widths[i]));
        text.Append(string.Join("  ", padded).TrimEnd()).Append('\n');
    }

    // A NaN in a table is a statistic with no value (an sd of one seed, a rate of nothing): said in words, never "NaN".
    private const string Undefined = "undefined";

    private static TableCell FormatCell(object? value, string format) => value switch
    {
        null => new TableCell(string.Empty, false),
        double d when double.IsNaN(d) => new TableCell(Undefined, true),
        float f when float.IsNaN(f) => new TableCell(Undefined, true),
        double d => new TableCell(d.ToString(format, CultureInfo.InvariantCulture), true),
        float f => new TableCell(f.ToString(format, CultureInfo.InvariantCulture), true),
        decimal m => new TableCell(m.ToString(format, CultureInfo.InvariantCulture), true),
        int or long or short or byte or uint or ulong => new TableCell(
            Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty, true),
        IFormattable formattable => new TableCell(formattable.ToString(null, CultureInfo.InvariantCulture), false),
        _ => new TableCell(value.ToString() ?? string.Empty, false),
    };
}
