using System.Xml.Linq;
using Xunit;

namespace FiberSqs.HelpBuilder.Tests;

public sealed class HelpBuildTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("fibersqs-help-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    private string Docs(params (string Name, string Text)[] pages)
    {
        var docs = Path.Combine(_root, "docs");
        Directory.CreateDirectory(docs);
        foreach (var (name, text) in pages)
        {
            File.WriteAllText(Path.Combine(docs, name), text);
        }

        return docs;
    }

    [Fact]
    public void WritesTheMamlNamedForTheAssemblyAndTheAboutTopics()
    {
        var docs = Docs(("Get-Widget.md", SamplePages.Valid), ("about_Sample.md", SamplePages.About));
        var output = Path.Combine(_root, "en-US");

        var written = HelpBuild.Run(docs, output, "Sample.dll");

        Assert.Equal([Path.Combine(output, "Sample.dll-Help.xml"), Path.Combine(output, "about_Sample.help.txt")], written);
        var maml = XDocument.Load(written[0]);
        Assert.Single(maml.Root!.Elements());
        Assert.StartsWith("TOPIC", File.ReadAllText(written[1]), StringComparison.Ordinal);
    }

    [Fact]
    public void RefusesAPageWhoseHelpFileNameDoesNotMatchTheAssembly()
    {
        var docs = Docs(("Get-Widget.md", SamplePages.Valid));

        var e = Assert.Throws<HelpBuildException>(() => HelpBuild.Run(docs, Path.Combine(_root, "out"), "Other.dll"));

        Assert.Contains(e.Problems, p => p.Contains("must be 'Other.dll-Help.xml'", StringComparison.Ordinal));
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    [Fact]
    public void ReportsEveryBrokenPageAndWritesNothing()
    {
        var docs = Docs(
            ("Get-Widget.md", SamplePages.Valid.Replace("## NOTES", "## REMARKS", StringComparison.Ordinal)),
            ("Set-Widget.md", SamplePages.Valid.Replace("# Get-Widget", "# Set-Widget", StringComparison.Ordinal).Replace("schema: 2.0.0", "schema: 3", StringComparison.Ordinal)));

        var e = Assert.Throws<HelpBuildException>(() => HelpBuild.Run(docs, Path.Combine(_root, "out"), "Sample.dll"));

        Assert.Equal(2, e.Problems.Count);
        Assert.False(Directory.Exists(Path.Combine(_root, "out")));
    }

    [Fact]
    public void RefusesAFolderWithoutCmdletPages()
    {
        var docs = Docs(("about_Sample.md", SamplePages.About));

        var e = Assert.Throws<HelpBuildException>(() => HelpBuild.Run(docs, Path.Combine(_root, "out"), "Sample.dll"));

        Assert.Contains("no cmdlet page", Assert.Single(e.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void BuildsTheModulesOwnDocs()
    {
        var repo = AppContext.BaseDirectory;
        while (repo is not null && !File.Exists(Path.Combine(repo, "FiberSqs.psd1")))
        {
            repo = Path.GetDirectoryName(repo);
        }

        Assert.NotNull(repo);
        var written = HelpBuild.Run(Path.Combine(repo, "docs", "en-US"), Path.Combine(_root, "en-US"), "FiberSqs.dll");

        var names = XDocument.Load(written[0]).Root!.Elements()
            .Select(c => (string?)c.Element(XName.Get("details", "http://schemas.microsoft.com/maml/dev/command/2004/10"))!
                .Element(XName.Get("name", "http://schemas.microsoft.com/maml/dev/command/2004/10")));
        // One command page per cmdlet the manifest exports.
        var manifest = File.ReadAllText(Path.Combine(repo, "FiberSqs.psd1"));
        var exported = System.Text.RegularExpressions.Regex.Match(manifest, @"CmdletsToExport\s*=\s*@\(([^)]*)\)").Groups[1].Value
            .Split(',').Select(n => n.Trim().Trim('\'')).Where(n => n.Length > 0).Order(StringComparer.Ordinal).ToList();
        Assert.Contains("New-FiberSqsDataset", exported);
        Assert.Equal(exported, names.Order(StringComparer.Ordinal));
        Assert.Contains(written, w => w.EndsWith("about_FiberSqs.help.txt", StringComparison.Ordinal));
    }
}
