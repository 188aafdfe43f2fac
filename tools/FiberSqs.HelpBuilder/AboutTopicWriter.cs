using System.Text;
using Markdig.Syntax;

namespace FiberSqs.HelpBuilder;

/// <summary>Turns an about_*.md page into the plain-text about_*.help.txt that Get-Help about_... shows.</summary>
internal static class AboutTopicWriter
{
    private const int Width = 80;
    private const string Indent = "    ";

    public static string Convert(string markdown, string file, string expectedTopic)
    {
        var document = MarkdownText.Parse(markdown);
        var blocks = document.ToList();
        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } title)
        {
            throw new HelpFormatException(file, 1, $"an about topic starts with '# {expectedTopic}'.");
        }

        var topic = MarkdownText.Inline(title);
        if (!string.Equals(topic, expectedTopic, StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpFormatException(file, title.Line + 1, $"the title '{topic}' does not match the file name ({expectedTopic}).");
        }

        var headings = blocks.OfType<HeadingBlock>().Where(h => h.Level == 2).Select(MarkdownText.Inline).ToList();
        foreach (var required in new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION" })
        {
            if (!headings.Contains(required, StringComparer.OrdinalIgnoreCase))
            {
                throw new HelpFormatException(file, 1, $"an about topic needs a '## {required}' section.");
            }
        }

        var text = new StringBuilder();
        text.Append("TOPIC\n").Append(Indent).Append(topic).Append('\n');
        var afterHeading = false;
        foreach (var block in blocks.Skip(1))
        {
            // A blank line separates blocks, except between a heading and its first paragraph.
            if (!afterHeading || block is HeadingBlock)
            {
                text.Append('\n');
            }

            afterHeading = block is HeadingBlock;
            switch (block)
            {
                case HeadingBlock heading:
                    if (heading.Level <= 2)
                    {
                        text.Append(MarkdownText.Inline(heading).ToUpperInvariant()).Append('\n');
                    }
                    else
                    {
                        text.Append(Indent).Append(MarkdownText.Inline(heading)).Append('\n');
                    }

                    break;
                case CodeBlock code:
                    foreach (var line in MarkdownText.Code(code).Split('\n'))
                    {
                        text.Append((Indent + Indent + line).TrimEnd()).Append('\n');
                    }

                    break;
                case ListBlock list:
                    foreach (var item in MarkdownText.Paragraphs(list))
                    {
                        var hanging = item.StartsWith("  ", StringComparison.Ordinal) ? Indent + "  " : Indent;
                        Wrap(text, item.TrimStart(), hanging, Indent + "  ");
                    }

                    break;
                default:
                    Wrap(text, string.Join("\n", MarkdownText.Paragraphs(block)), Indent, Indent);

                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>Word-wraps one paragraph at <see cref="Width"/> columns; explicit line breaks are kept.</summary>
    internal static void Wrap(StringBuilder text, string paragraph, string firstIndent, string nextIndent)
    {
        foreach (var hardLine in paragraph.Split('\n'))
        {
            var line = new StringBuilder(firstIndent);
            var empty = true;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!empty && line.Length + 1 + word.Length > Width)
                {
                    text.Append(line).Append('\n');
                    line.Clear().Append(nextIndent);
                    empty = true;
                }

                if (!empty)
                {
                    line.Append(' ');
                }

                line.Append(word);
                empty = false;
            }

            text.Append(line).Append('\n');
            firstIndent = nextIndent;
        }
    }
}
