using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Entanglement.Plotting;

/// <summary>
/// The HTML template of a figure: a <c>&lt;div&gt;</c> plus a <c>Plotly.newPlot(id, data, layout, config)</c> call,
/// and a standalone page around it. Element ids are passed in (<c>fig-02-1</c>), never random.
/// </summary>
public static class FigureHtml
{
    /// <summary>
    /// A <c>&lt;div id="elementId"&gt;</c> and the script that draws <paramref name="figure"/> into it. With
    /// <paramref name="loadIfMissing"/> the script first loads the pinned plotly.js from its CDN when
    /// <c>window.Plotly</c> is undefined (a notebook output); a page that already loads plotly.js skips that.
    /// </summary>
    public static string Fragment(Figure figure, string elementId, bool loadIfMissing = true)
    {
        ArgumentNullException.ThrowIfNull(figure);
        CheckId(elementId);
        var id = JsonSerializer.Serialize(elementId);
        var json = figure.ToJson();
        var html = new StringBuilder();
        html.Append("<div id=\"").Append(elementId).Append("\" class=\"wb-figure\"></div>\n");
        html.Append("<script type=\"text/javascript\">\n");
        if (loadIfMissing)
        {
            html.Append("(function () {\n");
            html.Append("  var figure = ").Append(json).Append(";\n");
            html.Append("  var draw = function () { Plotly.newPlot(").Append(id)
                .Append(", figure.data, figure.layout, figure.config); };\n");
            html.Append("  if (window.Plotly) { draw(); return; }\n");
            html.Append("  var src = ").Append(JsonSerializer.Serialize(PlotlyJs.CdnUrl)).Append(";\n");
            html.Append("  var script = document.querySelector('script[src=\"' + src + '\"]');\n");
            html.Append("  if (!script) {\n");
            html.Append("    script = document.createElement('script');\n");
            html.Append("    script.src = src;\n");
            html.Append("    document.head.appendChild(script);\n");
            html.Append("  }\n");
            html.Append("  script.addEventListener('load', draw);\n");
            html.Append("})();\n");
        }
        else
        {
            html.Append("(function () {\n");
            html.Append("  var figure = ").Append(json).Append(";\n");
            html.Append("  Plotly.newPlot(").Append(id).Append(", figure.data, figure.layout, figure.config);\n");
            html.Append("})();\n");
        }

        html.Append("</script>\n");
        return html.ToString();
    }

    /// <summary>The <c>&lt;script&gt;</c> element that loads plotly.js from <paramref name="source"/>.</summary>
    public static string ScriptTag(PlotlySource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        if (source.Url is not null)
        {
            return $"<script src=\"{WebUtility.HtmlEncode(source.Url)}\" charset=\"utf-8\"></script>\n";
        }

        // "</script" inside the library text would end the element early; "<\/" means the same in JavaScript.
        var text = (source.InlineScript ?? string.Empty).Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        return $"<script type=\"text/javascript\">\n{text}\n</script>\n";
    }

    /// <summary>A standalone HTML page showing <paramref name="figure"/>; offline when the source is inlined.</summary>
    public static string Page(Figure figure, string elementId, PlotlySource? source = null, string? title = null)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var pageTitle = title ?? figure.Layout.Title?.Text ?? elementId;
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        html.Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        html.Append("<title>").Append(WebUtility.HtmlEncode(pageTitle)).Append("</title>\n");
        html.Append(ScriptTag(source ?? PlotlySource.Cdn));
        html.Append("</head>\n<body>\n");
        html.Append(Fragment(figure, elementId, loadIfMissing: false));
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>A deterministic element id for a figure: <c>fig-</c> and 12 hex digits of its JSON's SHA-256.</summary>
    public static string ContentId(Figure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(figure.ToJson()));
        return "fig-" + Convert.ToHexString(hash, 0, 6).ToLowerInvariant();
    }

    private static void CheckId(string elementId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(elementId);
        var valid = char.IsAsciiLetter(elementId[0])
            && elementId.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');
        if (!valid)
        {
            throw new ArgumentException(
                $"Element id '{elementId}' must start with a letter and use only letters, digits, '-', '_', '.', ':'.",
                nameof(elementId));
        }
    }
}
