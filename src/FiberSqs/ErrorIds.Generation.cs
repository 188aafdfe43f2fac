namespace FiberSqs;

public static partial class ErrorIds
{
    /// <summary>-OutputPath names a file, not a folder.</summary>
    public const string OutputPathIsFile = "OutputPathIsFile";

    /// <summary>-OutputPath holds a FiberSqs dataset and -Force was not given.</summary>
    public const string DatasetAlreadyExists = "DatasetAlreadyExists";

    /// <summary>-OutputPath is a non-empty folder this module did not write; it is never replaced.</summary>
    public const string OutputPathNotOwned = "OutputPathNotOwned";

    /// <summary>AppLogRows × ScaleLogs is outside the supported range.</summary>
    public const string RowTargetOutOfRange = "RowTargetOutOfRange";

    /// <summary>Writing the dataset failed (disk full, permissions, ...); nothing that existed was changed.</summary>
    public const string DatasetWriteFailed = "DatasetWriteFailed";
}
