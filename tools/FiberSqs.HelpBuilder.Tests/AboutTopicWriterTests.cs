using Xunit;

namespace FiberSqs.HelpBuilder.Tests;

public class AboutTopicWriterTests
{
    [Fact]
    public void WritesTheTopicWithUpperCaseSectionsAndIndentedText()
    {
        var text = AboutTopicWriter.Convert(SamplePages.About, "about_Sample.md", "about_Sample");
        var lines = text.Split('\n');

        Assert.Equal(["TOPIC", "    about_Sample", "", "SHORT DESCRIPTION", "    What the sample is."], lines.Take(5));
        Assert.Contains("LONG DESCRIPTION", lines);
        Assert.Contains("    A subsection", lines);
        Assert.Contains("    - first item", lines);
        Assert.Contains("        SELECT 1;", lines);
    }

    [Fact]
    public void WrapsProseAt80Columns()
    {
        var text = AboutTopicWriter.Convert(SamplePages.About, "about_Sample.md", "about_Sample");

        var prose = text.Split('\n').Where(l => l.StartsWith("    A long", StringComparison.Ordinal) || l.Contains("wrapped", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(prose);
        Assert.All(text.Split('\n'), l => Assert.True(l.Length <= 80, $"line longer than 80: '{l}'"));
        Assert.Contains("help viewer shows it as it is written.", text.Replace("\n    ", " ", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsATitleThatIsNotTheFileName()
    {
        var e = Assert.Throws<HelpFormatException>(() => AboutTopicWriter.Convert(SamplePages.About, "about_Other.md", "about_Other"));
        Assert.Contains("does not match the file name", e.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RequiresTheShortAndLongDescriptions()
    {
        var page = SamplePages.About.Replace("## SHORT DESCRIPTION", "## SUMMARY", StringComparison.Ordinal);
        var e = Assert.Throws<HelpFormatException>(() => AboutTopicWriter.Convert(page, "about_Sample.md", "about_Sample"));
        Assert.Contains("SHORT DESCRIPTION", e.Message, StringComparison.Ordinal);
    }
}
