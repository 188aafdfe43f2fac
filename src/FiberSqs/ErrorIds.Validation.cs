namespace FiberSqs;

public static partial class ErrorIds
{
    /// <summary>A dataset was validated and at least one check failed (for callers that turn a failed validation
    /// into an error, such as New-FiberSqsDataset after writing).</summary>
    public const string DatasetValidationFailed = "DatasetValidationFailed";
}
