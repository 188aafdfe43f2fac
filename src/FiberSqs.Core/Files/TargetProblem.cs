namespace FiberSqs.Core.Files;

/// <summary>Why a dataset cannot be written where it was asked to go.</summary>
internal enum TargetProblem
{
    /// <summary>The path is a file.</summary>
    IsFile,

    /// <summary>A folder the module did not write, one holding something it did not write, or a symbolic link.</summary>
    NotOwned,

    /// <summary>A dataset is there and replacing it was not asked for.</summary>
    AlreadyExists,
}
