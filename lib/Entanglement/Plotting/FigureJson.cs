using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Entanglement.Plotting;

/// <summary>Writes figures as plotly.js figure JSON (<c>{"data": [...], "layout": {...}, "config": {...}}</c>).</summary>
public static class FigureJson
{
    private static readonly JsonSerializerOptions Compact = CreateOptions(indented: false);
    private static readonly JsonSerializerOptions Indented = CreateOptions(indented: true);

    /// <summary>
    /// The figure as JSON: same figure, same text. Nulls are omitted, NaN is written as <c>null</c>, text is UTF-8
    /// (± and Δ stay readable), and <c>&lt;</c>, <c>&gt;</c>, <c>&amp;</c> are escaped so the JSON is safe inside a
    /// <c>&lt;script&gt;</c> element.
    /// </summary>
    public static string Serialize(Figure figure, bool indented = false)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var json = JsonSerializer.Serialize(figure, indented ? Indented : Compact);

        // These characters occur only inside JSON strings, where the \u escapes mean the same text; U+2028/9 would
        // end a line in older JavaScript.
        json = json.Replace("<", "\\u003C", StringComparison.Ordinal)
            .Replace(">", "\\u003E", StringComparison.Ordinal)
            .Replace("&", "\\u0026", StringComparison.Ordinal)
            .Replace("\u2028", "\\u2028", StringComparison.Ordinal)
            .Replace("\u2029", "\\u2029", StringComparison.Ordinal);
        return indented ? json.ReplaceLineEndings("\n") : json;
    }

    private static JsonSerializerOptions CreateOptions(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            WriteIndented = indented,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        };
        options.Converters.Add(new FiniteDoubleConverter());
        options.Converters.Add(new PlotlyEnumConverter());
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
