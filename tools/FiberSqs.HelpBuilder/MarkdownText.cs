using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FiberSqs.HelpBuilder;

/// <summary>Markdown to the plain text that MAML paragraphs and about topics hold.</summary>
internal static class MarkdownText
{
    public static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static MarkdownDocument Parse(string markdown) => Markdown.Parse(markdown.Replace("\r\n", "\n", StringComparison.Ordinal), Pipeline);

    /// <summary>The text of a heading or paragraph: emphasis and code marks dropped, soft breaks as spaces.</summary>
    public static string Inline(LeafBlock block)
    {
        var text = new StringBuilder();
        if (block.Inline is not null)
        {
            AppendInline(text, block.Inline);
        }

        return text.ToString().Trim();
    }

    private static void AppendInline(StringBuilder text, ContainerInline container)
    {
        foreach (var inline in container)
        {
            switch (inline)
            {
                case LiteralInline literal:
                    text.Append(literal.Content.ToString());
                    break;
                case CodeInline code:
                    text.Append(code.Content);
                    break;
                case LineBreakInline lineBreak:
                    text.Append(lineBreak.IsHard ? "\n" : " ");
                    break;
                case AutolinkInline autolink:
                    text.Append(autolink.Url);
                    break;
                case LinkInline link:
                    var before = text.Length;
                    AppendInline(text, link);
                    var label = text.ToString(before, text.Length - before);
                    if (IsAbsoluteUri(link.Url) && !string.Equals(label, link.Url, StringComparison.Ordinal))
                    {
                        text.Append(" (").Append(link.Url).Append(')');
                    }

                    break;
                case HtmlInline html:
                    text.Append(html.Tag);
                    break;
                case ContainerInline inner:
                    AppendInline(text, inner);
                    break;
                default:
                    text.Append(inline.ToString());
                    break;
            }
        }
    }

    /// <summary>The lines of a fenced or indented code block.</summary>
    public static string Code(CodeBlock block)
    {
        var lines = block.Lines.Lines.Take(block.Lines.Count).Select(l => l.Slice.ToString());
        return string.Join("\n", lines).TrimEnd();
    }

    /// <summary>A block as paragraphs: a paragraph, a code block, or one paragraph per list item.</summary>
    public static IEnumerable<string> Paragraphs(Block block)
    {
        switch (block)
        {
            case ThematicBreakBlock:
            case YamlFrontMatterBlock:
                break;
            case ParagraphBlock paragraph:
                yield return Inline(paragraph);
                break;
            case HeadingBlock heading:
                yield return Inline(heading);
                break;
            case CodeBlock code:
                yield return Code(code);
                break;
            case ListBlock list:
                var number = int.TryParse(list.OrderedStart, out var start) ? start : 1;
                foreach (var item in list.OfType<ListItemBlock>())
                {
                    var marker = list.IsOrdered ? $"{number++}. " : "- ";
                    var inner = item.SelectMany(Paragraphs).ToList();
                    if (inner.Count > 0)
                    {
                        yield return marker + inner[0];
                        foreach (var rest in inner.Skip(1))
                        {
                            yield return "  " + rest;
                        }
                    }
                }

                break;
            case ContainerBlock container:
                foreach (var inner in container.SelectMany(Paragraphs))
                {
                    yield return inner;
                }

                break;
            case LeafBlock leaf:
                yield return Inline(leaf);
                break;
        }
    }

    public static bool IsAbsoluteUri(string? value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);
}
