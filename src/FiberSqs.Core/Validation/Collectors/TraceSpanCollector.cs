using System.Runtime.CompilerServices;
using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>trace_spans: the span_parents figures counted trace by trace (<see cref="TraceGroups"/>), the spans, child
/// spans and root spans counted, every trace and every transaction id referenced, and the spans that cross the primary
/// circuit at or after the fix time. A file that scatters a trace's rows is read again for its file-wide span keys
/// (<see cref="SpanKeyCollector"/>): they are not kept here.</summary>
internal sealed class TraceSpanCollector(ScanContext context) : TableCollector
{
    private static readonly TableSchema T = TableCatalog.TraceSpans;
    private static readonly int Trace = T.IndexOf("trace_id");
    private static readonly int Span = T.IndexOf("span_id");
    private static readonly int Parent = T.IndexOf("parent_span_id");
    private static readonly int TransactionId = T.IndexOf("transaction_id");
    private static readonly int Timestamp = T.IndexOf("timestamp");
    private static readonly int Circuit = T.IndexOf("circuit_id");

    private readonly byte[] _primary = System.Text.Encoding.UTF8.GetBytes(context.PrimaryCircuit);
    private readonly long _fixTicks = context.FixTime.Ticks;

    /// <summary>Spans on the primary circuit that start at or after the fix time.</summary>
    public long PrimarySpansAfterFix;

    private long _lastTrace = -1;
    private long _lastTransaction = -1;

    private readonly LongBag _traces = new();
    private readonly LongBag _transactions = new();

    /// <summary>Span rows with a parent.</summary>
    public long ChildSpans { get; private set; }

    /// <summary>Span rows without a parent (roots).</summary>
    public long RootSpans { get; private set; }

    /// <summary>Every span row: a child or a root.</summary>
    public long SpanRows => ChildSpans + RootSpans;

    public SortedRuns Traces { get; } = new();
    public SortedRuns TransactionIds { get; } = new();
    public TraceGroups Groups { get; } = new();

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Row(CsvReader row, RowValues values)
    {
        var trace = FieldText.HexIdKey(row.GetSpan(Trace));
        var span = FieldText.HexIdKey(row.GetSpan(Span));
        var parent = row.GetSpan(Parent);
        if (parent.IsEmpty)
        {
            RootSpans++;
            Groups.Add(trace, span, null);
        }
        else
        {
            ChildSpans++;
            Groups.Add(trace, span, FieldText.HexIdKey(parent));
        }

        if (trace != _lastTrace)
        {
            _traces.Add(trace);
            _lastTrace = trace;
        }

        var ticks = values.Ticks[Timestamp];
        if (ticks >= _fixTicks && ticks != RowValues.NoTicks && row.GetSpan(Circuit).SequenceEqual(_primary))
        {
            PrimarySpansAfterFix++;
        }

        var tx = FieldText.TransactionKey(row.GetSpan(TransactionId));
        if (tx != _lastTransaction)
        {
            _transactions.Add(tx);
            _lastTransaction = tx;
        }
    }

    public override void Seal()
    {
        Traces.AddRun(_traces);
        TransactionIds.AddRun(_transactions);
    }

    public override void Merge(TableCollector next)
    {
        var o = (TraceSpanCollector)next;
        ChildSpans += o.ChildSpans;
        RootSpans += o.RootSpans;
        Traces.Append(o.Traces);
        TransactionIds.Append(o.TransactionIds);
        Groups.Merge(o.Groups);
        PrimarySpansAfterFix += o.PrimarySpansAfterFix;
    }
}
