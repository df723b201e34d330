using System.Text;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Entanglement.Notebooks;

/// <summary>
/// Renders a notebook's markdown cells with Markdig (pipe tables included), giving every heading a page-unique id
/// and collecting the headings for the table of contents.
/// </summary>
internal sealed class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UsePipeTables()
        .UseEmphasisExtras()
        .UseAutoLinks()
        .Build();

    private readonly HashSet<string> _ids = new(StringComparer.Ordinal);

    /// <summary>The headings rendered so far, in page order.</summary>
    public List<(int Level, string Text, string Id)> Headings { get; } = [];

    /// <summary>The HTML of one markdown cell.</summary>
    public string Render(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = InlineText(heading.Inline);
            var id = UniqueId(Slug(text));
            heading.GetAttributes().Id = id;
            Headings.Add((heading.Level, text, id));
        }

        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        writer.Flush();
        return writer.ToString();
    }

    private static string InlineText(ContainerInline? inline)
    {
        var builder = new StringBuilder();
        if (inline is not null)
        {
            foreach (var leaf in inline.Descendants<Inline>())
            {
                switch (leaf)
                {
                    case LiteralInline literal:
                        builder.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        builder.Append(code.Content);
                        break;
                }
            }
        }

        return builder.ToString().Trim();
    }

    private static string Slug(string text)
    {
        var builder = new StringBuilder();
        foreach (var c in text.ToLowerInvariant())
        {
            if (char.IsLetterOrDigit(c))
            {
                builder.Append(c);
            }
            else if ((c == ' ' || c == '-' || c == '_') && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        return builder.ToString().TrimEnd('-') is { Length: > 0 } slug ? slug : "section";
    }

    private string UniqueId(string slug)
    {
        var id = slug;
        for (var n = 2; !_ids.Add(id); n++)
        {
            id = slug + "-" + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        return id;
    }
}
