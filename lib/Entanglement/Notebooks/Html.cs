using System.Text;

namespace Entanglement.Notebooks;

/// <summary>HTML text helpers shared by the report pages.</summary>
internal static class Html
{
    /// <summary>Escapes text for HTML element content and attribute values.</summary>
    public static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            builder.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return builder.ToString();
    }

    /// <summary>The plotly.js script element: a CDN <c>src</c>, or the script text inlined.</summary>
    public static string PlotlyScriptElement(string plotlyScript)
    {
        if (plotlyScript.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || plotlyScript.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
        {
            return $"<script src=\"{Escape(plotlyScript)}\" charset=\"utf-8\"></script>";
        }

        // "</script" inside inlined code would end the element early; "<\/script" is the same JavaScript.
        return "<script>" + plotlyScript.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase) + "</script>";
    }

    /// <summary>The page's one time-dependent line.</summary>
    public static string Footer(DateTimeOffset timestamp, string libraryVersion) =>
        $"<footer>Generated {timestamp.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture)} UTC"
        + $" by Entanglement {Escape(libraryVersion)}.</footer>";

    /// <summary>The page's stylesheet.</summary>
    public const string Style = """
        body { font-family: system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem 2rem; color: #1b1f24; line-height: 1.5; }
        header.run { border-bottom: 1px solid #d0d7de; margin-bottom: 1rem; }
        header.run dl { display: grid; grid-template-columns: max-content auto; gap: 0.1rem 1rem; }
        header.run dt { font-weight: 600; }
        header.run dd { margin: 0; }
        nav.toc { background: #f6f8fa; border: 1px solid #d0d7de; padding: 0.5rem 1rem; margin-bottom: 1.5rem; }
        nav.toc ul { list-style: none; padding-left: 0; margin: 0; }
        nav.toc li.h2 { padding-left: 1rem; } nav.toc li.h3 { padding-left: 2rem; } nav.toc li.h4, nav.toc li.h5, nav.toc li.h6 { padding-left: 3rem; }
        .cell.code { margin: 1rem 0; }
        .cell.code .prompt { color: #57606a; font-size: 0.8rem; font-family: monospace; }
        pre { background: #f6f8fa; padding: 0.6rem; overflow-x: auto; border-radius: 4px; }
        pre.stream.stderr { background: #fff8e1; }
        .output.error pre { background: #ffebe9; color: #82071e; border-left: 4px solid #cf222e; }
        table { border-collapse: collapse; } th, td { border: 1px solid #d0d7de; padding: 0.25rem 0.6rem; }
        .status.ok { color: #1a7f37; } .status.failed { color: #cf222e; }
        footer { border-top: 1px solid #d0d7de; margin-top: 2rem; padding-top: 0.5rem; color: #57606a; font-size: 0.85rem; }
        """;
}
