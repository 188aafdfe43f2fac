using System.Reflection;
using System.Runtime.Loader;

namespace FiberSqs.Loading;

/// <summary>
/// The module's own AssemblyLoadContext: the engine (FiberSqs.Core) and its packages (CsvHelper, ...) load here from
/// bin/deps/, never into the default context, so another module that brought its own CsvHelper into the session
/// cannot break ours, nor ours theirs. Anything not in bin/deps/ (the .NET runtime, PowerShell) falls back to the
/// default context.
/// </summary>
internal sealed class DependencyLoadContext : AssemblyLoadContext
{
    private readonly string _folder;

    private DependencyLoadContext(string folder)
        : base("FiberSqs", isCollectible: false) => _folder = folder;

    /// <summary>The one context of the process, for the bin/deps/ folder beside the cmdlet assembly.</summary>
    public static DependencyLoadContext Instance { get; } =
        new(Path.Combine(Path.GetDirectoryName(typeof(DependencyLoadContext).Assembly.Location)!, "deps"));

    /// <summary>True when bin/deps/ holds the assembly: it is one of ours to load here.</summary>
    public bool Holds(AssemblyName name) => name.Name is { } n && File.Exists(PathOf(n));

    protected override Assembly? Load(AssemblyName assemblyName) =>
        Holds(assemblyName) ? LoadFromAssemblyPath(PathOf(assemblyName.Name!)) : null;

    private string PathOf(string name) => Path.Combine(_folder, name + ".dll");
}
