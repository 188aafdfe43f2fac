using System.Management.Automation;

namespace FiberSqs.Validation;

/// <summary>
/// Turns the -Uri argument into a <see cref="Uri"/> keeping the text exactly as given (the endpoint parser reads
/// <see cref="Uri.OriginalString"/>). PowerShell's own conversion would, on failure, print the value in its error,
/// and with it any password written into the URL; this one says only that the value is not a URL.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ClickHouseUriTransformationAttribute : ArgumentTransformationAttribute
{
    public override object? Transform(EngineIntrinsics engineIntrinsics, object inputData)
    {
        var value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
        return value switch
        {
            null => null,
            Uri uri => uri,
            _ when Uri.TryCreate(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), UriKind.RelativeOrAbsolute, out var parsed) => parsed,
            _ => throw new ArgumentTransformationMetadataException(
                "The -Uri value is not a URL (it is not shown: it may hold a password). Give it as http://host:8123; write a '/' in a password as %2F."),
        };
    }
}
