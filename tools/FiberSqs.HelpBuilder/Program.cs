using System.Text;
using FiberSqs.HelpBuilder;

// Usage: FiberSqs.HelpBuilder --docs <docs/en-US> --out <en-US> --assembly <FiberSqs.dll>
// Writes <out>/<assembly>-Help.xml from every cmdlet page and <out>/about_*.help.txt from every about page.
// Exit codes: 0 written, 1 a page is malformed (each problem printed as file(line): message), 2 bad arguments.
var options = new Dictionary<string, string>(StringComparer.Ordinal);
for (var i = 0; i + 1 < args.Length; i += 2)
{
    options[args[i]] = args[i + 1];
}

if (args.Length % 2 != 0 || !options.TryGetValue("--docs", out var docs) || !options.TryGetValue("--out", out var output)
    || !options.TryGetValue("--assembly", out var assembly))
{
    Console.Error.WriteLine("usage: FiberSqs.HelpBuilder --docs <folder of platyPS markdown> --out <help folder> --assembly <Module.dll>");
    return 2;
}

try
{
    var written = HelpBuild.Run(docs, output, assembly);
    foreach (var file in written)
    {
        Console.WriteLine($"    wrote {file}");
    }

    return 0;
}
catch (HelpBuildException e)
{
    foreach (var problem in e.Problems)
    {
        Console.Error.WriteLine(problem);
    }

    Console.Error.WriteLine($"The help was not built: {e.Problems.Count} problem(s) in {docs}.");
    return 1;
}
