using System.Management.Automation;
using FiberSqs.Core.ClickHouse;
using FiberSqs.Core.Safety;

namespace FiberSqs.Validation;

/// <summary>
/// -Database must be a plain ClickHouse identifier, checked by <see cref="ClickHouseSql.IsIdentifier"/> (the same test
/// the SQL producer applies). ValidatePattern is not used: it matches ignoring case (so the Kelvin sign passes as a
/// letter) and its <c>$</c> accepts a trailing line feed.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class ValidateDatabaseNameAttribute : ValidateArgumentsAttribute
{
    protected override void Validate(object arguments, EngineIntrinsics engineIntrinsics)
    {
        var name = arguments as string;
        if (!ClickHouseSql.IsIdentifier(name))
        {
            throw new ValidationMetadataException(
                $"'{UntrustedText.Escape(name, 120)}' is not a plain ClickHouse database name. Use ASCII letters, digits and underscores " +
                $"(not starting with a digit, at most {ClickHouseSql.MaxIdentifierLength} characters), such as {ImportOptions.DefaultDatabase}.");
        }
    }
}
