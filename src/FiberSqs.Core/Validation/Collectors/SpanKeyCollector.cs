using System.Runtime.CompilerServices;
using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>trace_spans' file-wide key sets, read again only for a file that scatters a trace's rows
/// (<see cref="FileWideKeys"/>): every span as a (trace, span) key, every parent reference as a (trace, parent) key,
/// and the traces of the root spans (empty parent).</summary>
internal sealed class SpanKeyCollector : TableCollector
{
    private static readonly TableSchema T = TableCatalog.TraceSpans;
    private static readonly int Trace = T.IndexOf("trace_id");
    private static readonly int Span = T.IndexOf("span_id");
    private static readonly int Parent = T.IndexOf("parent_span_id");

    private readonly LongBag _spans = new();
    private readonly LongBag _parents = new();
    private readonly LongBag _roots = new();

    public SortedRuns Spans { get; } = new();
    public SortedRuns ParentRefs { get; } = new();
    public SortedRuns RootTraces { get; } = new();

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Row(CsvReader row, RowValues values)
    {
        var trace = FieldText.HexIdKey(row.GetSpan(Trace));
        _spans.Add(FieldText.Pair(trace, FieldText.HexIdKey(row.GetSpan(Span))));
        var parent = row.GetSpan(Parent);
        if (parent.IsEmpty)
        {
            _roots.Add(trace);
        }
        else
        {
            _parents.Add(FieldText.Pair(trace, FieldText.HexIdKey(parent)));
        }
    }

    public override void Seal()
    {
        Spans.AddRun(_spans);
        ParentRefs.AddRun(_parents);
        RootTraces.AddRun(_roots);
    }

    public override void Merge(TableCollector next)
    {
        var o = (SpanKeyCollector)next;
        Spans.Append(o.Spans);
        ParentRefs.Append(o.ParentRefs);
        RootTraces.Append(o.RootTraces);
    }
}
