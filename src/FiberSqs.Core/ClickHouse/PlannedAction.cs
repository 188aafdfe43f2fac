using FiberSqs.Core.Validation;

namespace FiberSqs.Core.ClickHouse;

/// <summary>An object the import drops or creates, and why (for -WhatIf and -Verbose).</summary>
internal sealed record PlannedAction(string Action, string ObjectName, string Reason)
{
    public override string ToString() => $"{Action} {ObjectName} ({Reason})";
}
