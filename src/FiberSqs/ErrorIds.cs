namespace FiberSqs;

/// <summary>
/// Stable error ids (FullyQualifiedErrorId prefixes) that scripts and tests match on. Each cmdlet keeps its
/// own ids in a partial file beside this one (ErrorIds.Generation.cs, ErrorIds.Import.cs, ...).
/// </summary>
public static partial class ErrorIds
{
    /// <summary>The user pressed Ctrl+C or the pipeline was stopped.</summary>
    public const string OperationCancelled = "OperationCancelled";

    /// <summary>A path names something on a provider other than the file system (Env:, Variable:, Function:, ...).</summary>
    public const string ProviderNotFileSystem = "ProviderNotFileSystem";
}
