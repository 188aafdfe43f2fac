namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>A field the fast load cannot give the same value as a CSV load would: where it is (the line counts
/// every line of the file, the header is line 1) and why.</summary>
internal sealed record FastLoadProblem(string Path, long Line, string Reason)
{
    public override string ToString() => $"{System.IO.Path.GetFileName(Path)} line {Line:N0}: {Reason}";
}
