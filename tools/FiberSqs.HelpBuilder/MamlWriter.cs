using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace FiberSqs.HelpBuilder;

/// <summary>Writes command help as MAML in the shape platyPS emits (New-ExternalHelp), which Get-Help reads.</summary>
internal static class MamlWriter
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";
    private static readonly XNamespace MSHelp = "http://msdn.microsoft.com/mshelp";

    public static XDocument ToDocument(IEnumerable<CommandHelp> commands) => new(
        new XDeclaration("1.0", "utf-8", null),
        new XElement(Msh + "helpItems", new XAttribute("schema", "maml"),
            commands.OrderBy(c => c.Name, StringComparer.OrdinalIgnoreCase).Select(CommandElement)));

    public static void Save(XDocument document, string path)
    {
        var settings = new XmlWriterSettings { Encoding = new UTF8Encoding(false), Indent = true, IndentChars = "  ", NewLineChars = "\n" };
        using var writer = XmlWriter.Create(path, settings);
        document.Save(writer);
    }

    private static XElement CommandElement(CommandHelp command)
    {
        var dash = command.Name.IndexOf('-', StringComparison.Ordinal);
        var verb = dash > 0 ? command.Name[..dash] : command.Name;
        var noun = dash > 0 ? command.Name[(dash + 1)..] : "";
        return new XElement(Command + "command",
            new XAttribute(XNamespace.Xmlns + "maml", Maml),
            new XAttribute(XNamespace.Xmlns + "command", Command),
            new XAttribute(XNamespace.Xmlns + "dev", Dev),
            new XAttribute(XNamespace.Xmlns + "MSHelp", MSHelp),
            new XElement(Command + "details",
                new XElement(Command + "name", command.Name),
                new XElement(Command + "verb", verb),
                new XElement(Command + "noun", noun),
                new XElement(Maml + "description", Paragraphs(command.Synopsis))),
            new XElement(Maml + "description", Paragraphs(command.Description)),
            new XElement(Command + "syntax", command.ParameterSets.Select(set => SyntaxItem(command, set))),
            new XElement(Command + "parameters", command.Parameters.Select(p => Parameter(p, p.Metadata[0], inSyntax: false))),
            new XElement(Command + "inputTypes", command.Inputs.Select(i => TypeEntry("inputType", i))),
            new XElement(Command + "returnValues", command.Outputs.Select(o => TypeEntry("returnValue", o))),
            new XElement(Maml + "alertSet", new XElement(Maml + "alert", Paragraphs(command.Notes))),
            new XElement(Command + "examples", command.Examples.Select(Example)),
            new XElement(Command + "relatedLinks", command.Links.Select(l =>
                new XElement(Maml + "navigationLink", new XElement(Maml + "linkText", l.Text), new XElement(Maml + "uri", l.Uri)))));
    }

    private static XElement SyntaxItem(CommandHelp command, string set)
    {
        // Positional parameters by position first, then the named ones in the page's order (as Get-Command shows them).
        var members = command.Parameters
            .Select((p, index) => (Parameter: p, Metadata: p.For(set), Index: index))
            .Where(m => m.Metadata is not null)
            .OrderBy(m => int.TryParse(m.Metadata!.Position, out var pos) ? pos : int.MaxValue)
            .ThenBy(m => m.Index);
        return new XElement(Command + "syntaxItem",
            new XElement(Maml + "name", command.Name),
            members.Select(m => Parameter(m.Parameter, m.Metadata!, inSyntax: true)));
    }

    private static XElement Parameter(ParameterHelp parameter, ParameterMetadata metadata, bool inSyntax)
    {
        var type = metadata.IsSwitch ? "SwitchParameter" : metadata.Type;
        var defaultValue = metadata.IsSwitch && (metadata.DefaultValue.Length == 0 || metadata.DefaultValue == "None")
            ? "False"
            : metadata.DefaultValue.Length == 0 ? "None" : metadata.DefaultValue;
        return new XElement(Command + "parameter",
            new XAttribute("required", Bool(metadata.Required)),
            new XAttribute("variableLength", "true"),
            new XAttribute("globbing", Bool(metadata.Globbing)),
            new XAttribute("pipelineInput", metadata.PipelineInput),
            new XAttribute("position", metadata.Position.ToLowerInvariant()),
            new XAttribute("aliases", metadata.Aliases.Count > 0 ? string.Join(", ", metadata.Aliases) : "none"),
            new XElement(Maml + "name", parameter.Name),
            new XElement(Maml + "description", Paragraphs(parameter.Description)),
            inSyntax && metadata.AcceptedValues.Count > 0
                ? new XElement(Command + "parameterValueGroup", metadata.AcceptedValues.Select(v =>
                    new XElement(Command + "parameterValue", new XAttribute("required", "false"), new XAttribute("variableLength", "false"), v)))
                : null,
            // platyPS leaves [SwitchParameter] out of the syntax so it reads "[-Force]".
            !inSyntax || !metadata.IsSwitch
                ? new XElement(Command + "parameterValue",
                    new XAttribute("required", Bool(!metadata.IsSwitch)), new XAttribute("variableLength", "false"), type)
                : null,
            new XElement(Dev + "type", new XElement(Maml + "name", type), new XElement(Maml + "uri")),
            new XElement(Dev + "defaultValue", defaultValue));
    }

    private static XElement TypeEntry(string element, TypeHelp type) => new(Command + element,
        new XElement(Dev + "type", new XElement(Maml + "name", type.TypeName)),
        new XElement(Maml + "description", Paragraphs(type.Description)));

    private static XElement Example(ExampleHelp example) => new(Command + "example",
        new XElement(Maml + "title", PadTitle(example.Title)),
        new XElement(Dev + "code", string.Join("\n\n", example.Code)),
        // A closing empty paragraph: Get-Help prints no blank line between one example's remarks and the next title.
        new XElement(Dev + "remarks", Paragraphs(example.Remarks.Append(""))));

    private static IEnumerable<XElement> Paragraphs(IEnumerable<string> paragraphs) =>
        paragraphs.Select(p => new XElement(Maml + "para", p));

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Centers a title between dashes, 64 characters wide, as Get-Help shows example titles.</summary>
    internal static string PadTitle(string title)
    {
        if (string.IsNullOrWhiteSpace(title) || title.Length >= 62)
        {
            return title;
        }

        var dashes = new string('-', (64 - title.Length - 2) / 2);
        return string.Create(CultureInfo.InvariantCulture, $"{dashes} {title} {dashes}");
    }
}
