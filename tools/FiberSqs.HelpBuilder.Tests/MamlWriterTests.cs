using System.Xml.Linq;
using Xunit;

namespace FiberSqs.HelpBuilder.Tests;

public class MamlWriterTests
{
    private static readonly XNamespace Msh = "http://msh";
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static XElement Write()
    {
        var doc = MamlWriter.ToDocument([CommandHelpParser.Parse(SamplePages.Valid, "Get-Widget.md")]);
        Assert.Equal(Msh + "helpItems", doc.Root!.Name);
        Assert.Equal("maml", (string?)doc.Root.Attribute("schema"));
        return Assert.Single(doc.Root.Elements());
    }

    [Fact]
    public void WritesTheSectionsInPlatyPSOrder()
    {
        var command = Write();

        Assert.Equal(Command + "command", command.Name);
        Assert.Equal(
            [Command + "details", Maml + "description", Command + "syntax", Command + "parameters", Command + "inputTypes",
             Command + "returnValues", Maml + "alertSet", Command + "examples", Command + "relatedLinks"],
            command.Elements().Select(e => e.Name));
        var details = command.Element(Command + "details")!;
        Assert.Equal("Get-Widget", (string?)details.Element(Command + "name"));
        Assert.Equal("Get", (string?)details.Element(Command + "verb"));
        Assert.Equal("Widget", (string?)details.Element(Command + "noun"));
        Assert.Equal("Gets widgets from the store.", (string?)details.Element(Maml + "description")!.Element(Maml + "para"));
        Assert.Equal(2, command.Element(Maml + "description")!.Elements(Maml + "para").Count());
    }

    [Fact]
    public void WritesOneSyntaxItemPerParameterSetWithItsParameters()
    {
        var items = Write().Element(Command + "syntax")!.Elements(Command + "syntaxItem").ToList();

        Assert.Equal(2, items.Count);
        Assert.Equal(["Name", "Force"], items[0].Elements(Command + "parameter").Select(p => (string?)p.Element(Maml + "name")));
        Assert.Equal(["Id", "Force"], items[1].Elements(Command + "parameter").Select(p => (string?)p.Element(Maml + "name")));
    }

    [Fact]
    public void WritesParameterAttributesAndValues()
    {
        var parameters = Write().Element(Command + "parameters")!.Elements(Command + "parameter").ToList();
        var name = parameters[0];

        Assert.Equal("true", (string?)name.Attribute("required"));
        Assert.Equal("true", (string?)name.Attribute("globbing"));
        Assert.Equal("True (ByPropertyName)", (string?)name.Attribute("pipelineInput"));
        Assert.Equal("0", (string?)name.Attribute("position"));
        Assert.Equal("WidgetName, N", (string?)name.Attribute("aliases"));
        Assert.Equal("The widget's name.", (string?)name.Element(Maml + "description")!.Element(Maml + "para"));
        Assert.Equal("String", (string?)name.Element(Command + "parameterValue"));
        Assert.Equal("String", (string?)name.Element(Dev + "type")!.Element(Maml + "name"));
        Assert.Equal("None", (string?)name.Element(Dev + "defaultValue"));
        Assert.Equal("none", (string?)parameters[1].Attribute("aliases"));
        Assert.Equal("named", (string?)parameters[1].Attribute("position"));
    }

    [Fact]
    public void ASwitchDefaultsToFalseAndShowsNoValueInTheSyntax()
    {
        var command = Write();
        var inSyntax = command.Element(Command + "syntax")!.Element(Command + "syntaxItem")!.Elements(Command + "parameter").Last();
        var inParameters = command.Element(Command + "parameters")!.Elements(Command + "parameter").Last();

        Assert.Null(inSyntax.Element(Command + "parameterValue"));
        Assert.Equal("SwitchParameter", (string?)inParameters.Element(Command + "parameterValue"));
        Assert.Equal("false", (string?)inParameters.Element(Command + "parameterValue")!.Attribute("required"));
        Assert.Equal("False", (string?)inParameters.Element(Dev + "defaultValue"));
    }

    [Fact]
    public void WritesExamplesInputsOutputsNotesAndLinks()
    {
        var command = Write();
        var example = command.Element(Command + "examples")!.Elements(Command + "example").First();

        Assert.Equal("-------------------- Example 1: All widgets --------------------", (string?)example.Element(Maml + "title"));
        Assert.Equal("PS> Get-Widget -Name *", (string?)example.Element(Dev + "code"));
        Assert.Equal(["Lists every widget.", ""], example.Element(Dev + "remarks")!.Elements(Maml + "para").Select(p => (string)p));
        Assert.Equal("System.String", (string?)command.Element(Command + "inputTypes")!.Element(Command + "inputType")!.Element(Dev + "type")!.Element(Maml + "name"));
        Assert.Equal("Sample.Widget", (string?)command.Element(Command + "returnValues")!.Element(Command + "returnValue")!.Element(Dev + "type")!.Element(Maml + "name"));
        Assert.Equal("Widgets are cached.", (string?)command.Element(Maml + "alertSet")!.Element(Maml + "alert")!.Element(Maml + "para"));
        var links = command.Element(Command + "relatedLinks")!.Elements(Maml + "navigationLink").ToList();
        Assert.Equal(["https://example.org/get-widget", ""], links.Select(l => (string?)l.Element(Maml + "uri")));
    }

    [Theory]
    [InlineData("Example 1", "-------------------------- Example 1 --------------------------")]
    [InlineData("", "")]
    public void PadsExampleTitlesToAbout64Columns(string title, string expected)
    {
        Assert.Equal(expected, MamlWriter.PadTitle(title));
    }

    [Fact]
    public void LeavesALongTitleAlone()
    {
        var title = new string('x', 70);
        Assert.Equal(title, MamlWriter.PadTitle(title));
    }
}
