using System.Management.Automation;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;

namespace FiberSqs.Loading;

/// <summary>
/// Sends the default context's requests for the module's dependencies to <see cref="DependencyLoadContext"/>. The
/// cmdlet assembly is loaded by PowerShell into the default context; when it first needs FiberSqs.Core, the default
/// context cannot find it (bin/deps/ is not probed) and asks here; the engine then loads in our context, and so does
/// every assembly it references from bin/deps/. Hooked as soon as this assembly's code first runs (a module
/// initializer) and again on Import-Module (idempotent); unhooked on Remove-Module.
/// </summary>
public sealed class ModuleAssemblyLoader : IModuleAssemblyInitializer, IModuleAssemblyCleanup
{
    private static int _hooked;

    public void OnImport() => Hook();

    public void OnRemove(PSModuleInfo psModuleInfo)
    {
        if (Interlocked.Exchange(ref _hooked, 0) == 1)
        {
            AssemblyLoadContext.Default.Resolving -= Resolve;
        }
    }

    // A library's module initializer is what makes the hook precede any use of the engine's types, whatever
    // PowerShell touches first.
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255", Justification = "Loads the module's dependencies before any engine type is needed.")]
    internal static void Hook()
    {
        if (Interlocked.Exchange(ref _hooked, 1) == 0)
        {
            AssemblyLoadContext.Default.Resolving += Resolve;
        }
    }

    private static Assembly? Resolve(AssemblyLoadContext context, AssemblyName name) =>
        DependencyLoadContext.Instance.Holds(name) ? DependencyLoadContext.Instance.LoadFromAssemblyName(name) : null;
}
