using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Entanglement.Notebooks;

/// <summary>HTML of a code cell and its outputs: code escaped, <c>text/html</c> raw, text escaped, errors styled.</summary>
internal static partial class OutputHtml
{
    [GeneratedRegex("\u001b\\[[0-9;]*[A-Za-z]")]
    private static partial Regex AnsiEscape();

    public static void AppendCodeCell(StringBuilder body, NotebookCell cell)
    {
        var count = cell.ExecutionCount is { } n ? n.ToString(CultureInfo.InvariantCulture) : " ";
        body.Append("<div class=\"cell code\">\n<div class=\"prompt\">In [").Append(count).Append("]:</div>\n")
            .Append("<pre><code class=\"language-csharp\">").Append(Html.Escape(cell.Source)).Append("</code></pre>\n");
        if (cell.Outputs.Count > 0)
        {
            body.Append("<div class=\"outputs\">\n");
            foreach (var output in cell.Outputs)
            {
                AppendOutput(body, output);
            }

            body.Append("</div>\n");
        }

        body.Append("</div>\n");
    }

    private static void AppendOutput(StringBuilder body, NotebookOutput output)
    {
        switch (output.OutputType)
        {
            case NotebookOutputType.Stream:
                body.Append("<pre class=\"output stream ").Append(output.Name == "stderr" ? "stderr" : "stdout").Append("\">")
                    .Append(Html.Escape(output.Text)).Append("</pre>\n");
                break;
            case NotebookOutputType.Error:
                body.Append("<div class=\"output error\"><pre><strong>").Append(Html.Escape(output.EName)).Append("</strong>: ")
                    .Append(Html.Escape(output.EValue));
                // Tracebacks usually restate "ename: evalue" first; Jupyter's carry ANSI colours.
                foreach (var line in output.Traceback.Select(line => AnsiEscape().Replace(line, ""))
                    .SkipWhile(line => output.EValue is { Length: > 0 } evalue && line.Contains(evalue, StringComparison.Ordinal)))
                {
                    body.Append('\n').Append(Html.Escape(line));
                }

                body.Append("</pre></div>\n");
                break;
            default:
                AppendBundle(body, output);
                break;
        }
    }

    private static void AppendBundle(StringBuilder body, NotebookOutput output)
    {
        if (output.GetText("text/html") is { } html)
        {
            body.Append("<div class=\"output html\">\n").Append(html).Append("\n</div>\n");
        }
        else if (output.GetText("image/svg+xml") is { } svg)
        {
            body.Append("<div class=\"output svg\">").Append(svg).Append("</div>\n");
        }
        else if (output.GetText("image/png") is { } png)
        {
            body.Append("<div class=\"output image\"><img alt=\"output\" src=\"data:image/png;base64,")
                .Append(Html.Escape(png.Replace("\n", "", StringComparison.Ordinal))).Append("\"></div>\n");
        }
        else if (output.GetText("text/plain") is { } text)
        {
            body.Append("<pre class=\"output text\">").Append(Html.Escape(text)).Append("</pre>\n");
        }
    }
}
