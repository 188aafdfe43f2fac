using Xunit;

namespace FiberSqs.HelpBuilder.Tests;

public class CommandHelpParserTests
{
    private static CommandHelp Parse(string markdown) => CommandHelpParser.Parse(markdown, "Get-Widget.md");

    [Fact]
    public void ReadsEverySection()
    {
        var help = Parse(SamplePages.Valid);

        Assert.Equal("Get-Widget", help.Name);
        Assert.Equal("Sample.dll-Help.xml", help.ExternalHelpFile);
        Assert.Equal("Sample", help.ModuleName);
        Assert.Equal(["Gets widgets from the store."], help.Synopsis);
        Assert.Equal(["First paragraph continues here.", "Second paragraph with a link (https://example.org/widgets)."], help.Description);
        Assert.Equal(["ByName", "ById"], help.ParameterSets);
        Assert.Equal(["Name", "Id", "Force"], help.Parameters.Select(p => p.Name));
        Assert.Equal(["Example 1: All widgets", "Example 2: One widget by id"], help.Examples.Select(e => e.Title));
        Assert.Equal(["PS> Get-Widget -Name *"], help.Examples[0].Code);
        Assert.Equal(["Lists every widget."], help.Examples[0].Remarks);
        Assert.Empty(help.Examples[1].Remarks);
        Assert.Equal("System.String", Assert.Single(help.Inputs).TypeName);
        Assert.Equal("Sample.Widget", Assert.Single(help.Outputs).TypeName);
        Assert.Equal(["Widgets are cached."], help.Notes);
        Assert.Equal([new LinkHelp("Online", "https://example.org/get-widget"), new LinkHelp("Set-Widget", "")], help.Links);
    }

    [Fact]
    public void ReadsTheYamlBlockOfAParameter()
    {
        var name = Parse(SamplePages.Valid).Parameters[0];
        var m = Assert.Single(name.Metadata);

        Assert.Equal(["The widget's name."], name.Description);
        Assert.Equal("String", m.Type);
        Assert.Equal(["ByName"], m.ParameterSets);
        Assert.Equal(["WidgetName", "N"], m.Aliases);
        Assert.True(m.Required);
        Assert.Equal("0", m.Position);
        Assert.Equal("None", m.DefaultValue);
        Assert.Equal("True (ByPropertyName)", m.PipelineInput);
        Assert.True(m.Globbing);
        Assert.NotNull(name.For("ByName"));
        Assert.Null(name.For("ById"));
    }

    [Fact]
    public void AParameterInAllSetsBelongsToEachSet()
    {
        var force = Parse(SamplePages.Valid).Parameters[2];

        Assert.True(force.Metadata[0].IsSwitch);
        Assert.Equal("named", force.Metadata[0].Position);
        Assert.NotNull(force.For("ByName"));
        Assert.NotNull(force.For("ById"));
    }

    [Theory]
    [InlineData("schema: 2.0.0", "schema: 1.0.0", "schema: 2.0.0")]
    [InlineData("## NOTES\nWidgets are cached.\n", "", "missing section ## NOTES")]
    [InlineData("## SYNOPSIS\nGets *widgets* from the `store`.", "## SYNOPSIS\n", "SYNOPSIS is empty")]
    [InlineData("Accept wildcard characters: True\n", "", "lacks 'Accept wildcard characters:'")]
    [InlineData("The widget's id.\n", "", "parameter -Id has no description")]
    [InlineData("Parameter Sets: ById", "Parameter Sets: ByColour", "parameter set 'ByColour' is not in SYNTAX")]
    [InlineData("Position: 0", "Position: first", "Position must be 'Named' or a number")]
    [InlineData("Required: True\nPosition: Named", "Required: maybe\nPosition: Named", "'Required' must be True or False")]
    [InlineData("### -Force", "### Force", "must be '### -<Name>'")]
    [InlineData("## INPUTS", "## INPUT", "unexpected heading 'INPUT'")]
    [InlineData("```powershell\nPS> Get-Widget -Id 3\n```", "", "example 'Example 2: One widget by id' has no code block")]
    [InlineData("### Sample.Widget\nOne object per widget.\n", "", "OUTPUTS has no '### <TypeName>' entry")]
    [InlineData("---\nexternal help file", "external help file", "missing the front matter")]
    public void RejectsAMalformedPageWithWhereAndWhat(string find, string replace, string expected)
    {
        var broken = SamplePages.Valid.Replace(find, replace, StringComparison.Ordinal);
        Assert.NotEqual(SamplePages.Valid, broken);

        var e = Assert.Throws<HelpFormatException>(() => Parse(broken));

        Assert.Contains(expected, e.Message, StringComparison.Ordinal);
        Assert.StartsWith("Get-Widget.md(", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsTheLineOfTheProblem()
    {
        var broken = SamplePages.Valid.Replace("Position: 0", "Position: first", StringComparison.Ordinal);

        var e = Assert.Throws<HelpFormatException>(() => Parse(broken));

        var yamlLine = broken.Split('\n').ToList().FindIndex(l => l.StartsWith("Type: String", StringComparison.Ordinal));
        Assert.Equal(yamlLine, e.Line); // the line of the opening ```yaml fence, 1-based
    }

    [Fact]
    public void RejectsAParameterDescribedTwice()
    {
        var twice = SamplePages.Valid.Replace("### -Id", "### -Name", StringComparison.Ordinal);

        var e = Assert.Throws<HelpFormatException>(() => Parse(twice));

        Assert.Contains("-Name is described twice", e.Message, StringComparison.Ordinal);
    }
}
