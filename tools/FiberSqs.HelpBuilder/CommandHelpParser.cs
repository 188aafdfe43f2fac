using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace FiberSqs.HelpBuilder;

/// <summary>Reads a cmdlet page in platyPS 2.0.0 markdown form into a <see cref="CommandHelp"/>.</summary>
internal static class CommandHelpParser
{
    public static readonly IReadOnlyList<string> Sections =
        ["SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS"];

    private static readonly string[] YamlKeys =
        ["Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters"];

    public static CommandHelp Parse(string markdown, string file)
    {
        var document = MarkdownText.Parse(markdown);
        var frontMatter = document.OfType<YamlFrontMatterBlock>().FirstOrDefault()
            ?? throw new HelpFormatException(file, 1, "missing the front matter (--- external help file / Module Name / schema: 2.0.0 ---).");
        var meta = ReadKeyValues(frontMatter, file, requireAll: false);
        if (!meta.TryGetValue("schema", out var schema) || schema != "2.0.0")
        {
            throw new HelpFormatException(file, Line(frontMatter), "the front matter must say 'schema: 2.0.0'.");
        }

        var helpFile = Required(meta, "external help file", file, frontMatter);
        var module = Required(meta, "Module Name", file, frontMatter);

        var blocks = document.Where(b => b is not YamlFrontMatterBlock).ToList();
        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } title)
        {
            throw new HelpFormatException(file, blocks.Count > 0 ? Line(blocks[0]) : 1, "the page must start with '# <Cmdlet-Name>' after the front matter.");
        }

        var name = MarkdownText.Inline(title);
        var sections = SplitSections(blocks.Skip(1).ToList(), file);

        var synopsis = Text(sections["SYNOPSIS"]);
        if (synopsis.Count == 0)
        {
            throw new HelpFormatException(file, Line(title), "SYNOPSIS is empty.");
        }

        var description = Text(sections["DESCRIPTION"]);
        if (description.Count == 0)
        {
            throw new HelpFormatException(file, Line(title), "DESCRIPTION is empty.");
        }

        var sets = ReadSyntax(sections["SYNTAX"], file);
        var parameters = ReadParameters(sections["PARAMETERS"], sets, file);
        var examples = ReadExamples(sections["EXAMPLES"], file);
        var inputs = ReadTypes(sections["INPUTS"], "INPUTS", file);
        var outputs = ReadTypes(sections["OUTPUTS"], "OUTPUTS", file);
        var notes = Text(sections["NOTES"]);
        var links = ReadLinks(sections["RELATED LINKS"]);
        return new CommandHelp(name, helpFile, module, synopsis, description, sets, parameters, examples, inputs, outputs, notes, links);
    }

    private static Dictionary<string, List<Block>> SplitSections(List<Block> blocks, string file)
    {
        var sections = new Dictionary<string, List<Block>>(StringComparer.Ordinal);
        List<Block>? current = null;
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                var text = MarkdownText.Inline(heading);
                if (heading.Level == 1 || !Sections.Contains(text, StringComparer.Ordinal))
                {
                    throw new HelpFormatException(file, Line(heading), $"unexpected heading '{text}'; the sections are ## {string.Join(", ## ", Sections)}.");
                }

                if (sections.ContainsKey(text))
                {
                    throw new HelpFormatException(file, Line(heading), $"section {text} appears twice.");
                }

                current = sections[text] = [];
                continue;
            }

            if (current is null)
            {
                throw new HelpFormatException(file, Line(block), "text before the first ## section.");
            }

            current.Add(block);
        }

        foreach (var name in Sections)
        {
            if (!sections.ContainsKey(name))
            {
                throw new HelpFormatException(file, 1, $"missing section ## {name}.");
            }
        }

        return sections;
    }

    /// <summary>Splits a section at its ### headings; blocks before the first one are returned under an empty title.</summary>
    private static List<(string Title, HeadingBlock? Heading, List<Block> Blocks)> SplitSubsections(List<Block> blocks)
    {
        var result = new List<(string, HeadingBlock?, List<Block>)>();
        var current = (Title: "", Heading: (HeadingBlock?)null, Blocks: new List<Block>());
        foreach (var block in blocks)
        {
            if (block is HeadingBlock { Level: 3 } heading)
            {
                if (current.Heading is not null || current.Blocks.Count > 0)
                {
                    result.Add(current);
                }

                current = (MarkdownText.Inline(heading), heading, []);
                continue;
            }

            current.Blocks.Add(block);
        }

        if (current.Heading is not null || current.Blocks.Count > 0)
        {
            result.Add(current);
        }

        return result;
    }

    private static List<string> Text(IEnumerable<Block> blocks) =>
        [.. blocks.SelectMany(MarkdownText.Paragraphs).Where(p => p.Length > 0)];

    private static List<string> ReadSyntax(List<Block> blocks, string file)
    {
        var subsections = SplitSubsections(blocks);
        if (subsections.Count == 1 && subsections[0].Heading is null)
        {
            if (!subsections[0].Blocks.OfType<FencedCodeBlock>().Any())
            {
                throw new HelpFormatException(file, Line(blocks[0]), "SYNTAX needs a code block with the command's syntax.");
            }

            return [CommandHelp.AllParameterSets];
        }

        var sets = new List<string>();
        foreach (var (title, heading, content) in subsections)
        {
            if (heading is null)
            {
                throw new HelpFormatException(file, Line(content[0]), "SYNTAX text before the first ### <ParameterSet> heading.");
            }

            if (!content.OfType<FencedCodeBlock>().Any())
            {
                throw new HelpFormatException(file, Line(heading), $"SYNTAX set '{title}' needs a code block.");
            }

            var set = title.EndsWith(" (Default)", StringComparison.Ordinal) ? title[..^" (Default)".Length] : title;
            sets.Add(set.Trim());
        }

        if (sets.Count == 0)
        {
            throw new HelpFormatException(file, 1, "SYNTAX is empty.");
        }

        return sets;
    }

    private static List<ParameterHelp> ReadParameters(List<Block> blocks, List<string> sets, string file)
    {
        var parameters = new List<ParameterHelp>();
        foreach (var (title, heading, content) in SplitSubsections(blocks))
        {
            if (heading is null)
            {
                throw new HelpFormatException(file, Line(content[0]), "PARAMETERS text before the first ### -<Name> heading.");
            }

            if (title == "CommonParameters")
            {
                continue;
            }

            if (!title.StartsWith('-') || title.Length < 2 || title.Contains(' ', StringComparison.Ordinal))
            {
                throw new HelpFormatException(file, Line(heading), $"parameter heading '{title}' must be '### -<Name>' or '### CommonParameters'.");
            }

            var name = title[1..];
            if (parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
            {
                throw new HelpFormatException(file, Line(heading), $"parameter -{name} is described twice.");
            }

            var yaml = content.OfType<FencedCodeBlock>().Where(c => string.Equals(c.Info, "yaml", StringComparison.OrdinalIgnoreCase)).ToList();
            if (yaml.Count == 0)
            {
                throw new HelpFormatException(file, Line(heading), $"parameter -{name} has no ```yaml block.");
            }

            var description = Text(content.Where(b => !yaml.Contains(b)));
            if (description.Count == 0)
            {
                throw new HelpFormatException(file, Line(heading), $"parameter -{name} has no description.");
            }

            var metadata = yaml.Select(y => ReadMetadata(y, name, sets, file)).ToList();
            parameters.Add(new ParameterHelp(name, description, metadata));
        }

        return parameters;
    }

    private static ParameterMetadata ReadMetadata(FencedCodeBlock yaml, string parameter, List<string> sets, string file)
    {
        var values = ReadKeyValues(yaml, file, requireAll: true);
        foreach (var key in YamlKeys)
        {
            if (!values.ContainsKey(key))
            {
                throw new HelpFormatException(file, Line(yaml), $"parameter -{parameter}: the yaml block lacks '{key}:'.");
            }
        }

        var parameterSets = List(values["Parameter Sets"]);
        foreach (var set in parameterSets)
        {
            if (set != CommandHelp.AllParameterSets && !sets.Contains(set, StringComparer.OrdinalIgnoreCase))
            {
                throw new HelpFormatException(file, Line(yaml), $"parameter -{parameter}: parameter set '{set}' is not in SYNTAX ({string.Join(", ", sets)}).");
            }
        }

        var position = values["Position"];
        if (!string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase) && !int.TryParse(position, out _))
        {
            throw new HelpFormatException(file, Line(yaml), $"parameter -{parameter}: Position must be 'Named' or a number, not '{position}'.");
        }

        var pipeline = values["Accept pipeline input"];
        if (!pipeline.StartsWith("True", StringComparison.Ordinal) && pipeline != "False")
        {
            throw new HelpFormatException(file, Line(yaml), $"parameter -{parameter}: 'Accept pipeline input' must be False or True (ByValue|ByPropertyName), not '{pipeline}'.");
        }

        return new ParameterMetadata(
            Type: values["Type"],
            ParameterSets: parameterSets,
            Aliases: List(values["Aliases"]),
            AcceptedValues: values.TryGetValue("Accepted values", out var accepted) ? List(accepted) : [],
            Required: Bool(values["Required"], "Required", parameter, yaml, file),
            Position: string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase) ? "named" : position,
            DefaultValue: values["Default value"],
            PipelineInput: pipeline,
            Globbing: Bool(values["Accept wildcard characters"], "Accept wildcard characters", parameter, yaml, file));
    }

    private static bool Bool(string value, string key, string parameter, Block block, string file) => value switch
    {
        "True" or "true" => true,
        "False" or "false" => false,
        _ => throw new HelpFormatException(file, Line(block), $"parameter -{parameter}: '{key}' must be True or False, not '{value}'."),
    };

    private static List<string> List(string value) =>
        [.. value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(v => !string.Equals(v, "None", StringComparison.OrdinalIgnoreCase))];

    private static List<ExampleHelp> ReadExamples(List<Block> blocks, string file)
    {
        var examples = new List<ExampleHelp>();
        foreach (var (title, heading, content) in SplitSubsections(blocks))
        {
            if (heading is null || title.Length == 0)
            {
                throw new HelpFormatException(file, Line(content[0]), "each example needs a '### Example N: <title>' heading.");
            }

            var code = content.OfType<FencedCodeBlock>().Select(MarkdownText.Code).ToList();
            if (code.Count == 0)
            {
                throw new HelpFormatException(file, Line(heading), $"example '{title}' has no code block.");
            }

            var remarks = Text(content.Where(b => b is not FencedCodeBlock));
            examples.Add(new ExampleHelp(title, code, remarks));
        }

        if (examples.Count == 0)
        {
            throw new HelpFormatException(file, 1, "EXAMPLES has no example.");
        }

        return examples;
    }

    private static List<TypeHelp> ReadTypes(List<Block> blocks, string section, string file)
    {
        var types = new List<TypeHelp>();
        foreach (var (title, heading, content) in SplitSubsections(blocks))
        {
            if (heading is null)
            {
                throw new HelpFormatException(file, Line(content[0]), $"{section} entries are '### <TypeName>' headings.");
            }

            types.Add(new TypeHelp(title, Text(content)));
        }

        if (types.Count == 0)
        {
            throw new HelpFormatException(file, 1, $"{section} has no '### <TypeName>' entry (write '### None' when there is none).");
        }

        return types;
    }

    private static List<LinkHelp> ReadLinks(List<Block> blocks)
    {
        var links = new List<LinkHelp>();
        foreach (var leaf in blocks.SelectMany(Leaves))
        {
            var found = leaf.Inline?.Descendants<LinkInline>().Where(l => !l.IsImage).ToList() ?? [];
            if (found.Count == 0)
            {
                var text = MarkdownText.Inline(leaf);
                if (text.Length > 0)
                {
                    links.Add(new LinkHelp(text, ""));
                }

                continue;
            }

            foreach (var link in found)
            {
                var text = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                links.Add(new LinkHelp(text.Length > 0 ? text : link.Url ?? "", MarkdownText.IsAbsoluteUri(link.Url) ? link.Url! : ""));
            }
        }

        return links;
    }

    private static IEnumerable<LeafBlock> Leaves(Block block) => block switch
    {
        LeafBlock leaf => [leaf],
        ContainerBlock container => container.SelectMany(Leaves),
        _ => [],
    };

    private static Dictionary<string, string> ReadKeyValues(LeafBlock block, string file, bool requireAll)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < block.Lines.Count; i++)
        {
            var line = block.Lines.Lines[i].Slice.ToString().Trim();
            if (line.Length == 0 || line == "---")
            {
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                if (requireAll)
                {
                    throw new HelpFormatException(file, Line(block) + i + 1, $"'{line}' is not a 'Key: value' line.");
                }

                continue;
            }

            values[line[..colon].Trim()] = line[(colon + 1)..].Trim();
        }

        return values;
    }

    private static string Required(Dictionary<string, string> values, string key, string file, Block block) =>
        values.TryGetValue(key, out var value) && value.Length > 0
            ? value
            : throw new HelpFormatException(file, Line(block), $"the front matter lacks '{key}:'.");

    private static int Line(Block block) => block.Line + 1;
}
