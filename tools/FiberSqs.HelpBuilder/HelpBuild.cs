using System.Text;

namespace FiberSqs.HelpBuilder;

/// <summary>The build step: every page of a docs folder to MAML and about topics, or every problem found.</summary>
internal static class HelpBuild
{
    public static IReadOnlyList<string> Run(string docsFolder, string outputFolder, string assemblyFile)
    {
        if (!Directory.Exists(docsFolder))
        {
            throw new HelpBuildException([$"{docsFolder}: the docs folder does not exist."]);
        }

        var helpFileName = assemblyFile + "-Help.xml";
        var problems = new List<string>();
        var commands = new List<CommandHelp>();
        var abouts = new List<(string Name, string Text)>();
        foreach (var path in Directory.EnumerateFiles(docsFolder, "*.md").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(path);
            var markdown = File.ReadAllText(path, Encoding.UTF8);
            try
            {
                if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase))
                {
                    abouts.Add((name, AboutTopicWriter.Convert(markdown, path, name)));
                    continue;
                }

                var command = CommandHelpParser.Parse(markdown, path);
                if (!string.Equals(command.Name, name, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{path}(1): the page is titled '{command.Name}' but the file is named for '{name}'.");
                }

                if (!string.Equals(command.ExternalHelpFile, helpFileName, StringComparison.OrdinalIgnoreCase))
                {
                    problems.Add($"{path}(1): 'external help file: {command.ExternalHelpFile}' must be '{helpFileName}', the name Get-Help looks for beside {assemblyFile}.");
                }

                commands.Add(command);
            }
            catch (HelpFormatException e)
            {
                problems.Add(e.Message);
            }
        }

        if (commands.Count == 0 && problems.Count == 0)
        {
            problems.Add($"{docsFolder}: no cmdlet page (<Verb-Noun>.md) found.");
        }

        if (problems.Count > 0)
        {
            throw new HelpBuildException(problems);
        }

        Directory.CreateDirectory(outputFolder);
        var written = new List<string>();
        var maml = Path.Combine(outputFolder, helpFileName);
        MamlWriter.Save(MamlWriter.ToDocument(commands), maml);
        written.Add(maml);
        foreach (var (name, text) in abouts)
        {
            var file = Path.Combine(outputFolder, name + ".help.txt");
            File.WriteAllText(file, text, new UTF8Encoding(false));
            written.Add(file);
        }

        return written;
    }
}

/// <summary>The docs have problems; each is one "file(line): message".</summary>
public sealed class HelpBuildException : Exception
{
    public HelpBuildException()
    {
        Problems = [];
    }

    public HelpBuildException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public HelpBuildException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public HelpBuildException(IReadOnlyList<string> problems)
        : base(string.Join(Environment.NewLine, problems))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}
