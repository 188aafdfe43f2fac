using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>trace_spans: every span as a (trace, span) key, every parent reference as a (trace, parent) key, the
/// traces that have a root span (empty parent), every trace and every transaction id referenced; the same figures
/// counted trace by trace (<see cref="TraceGroups"/>, which spares sorting the span keys); and the spans that cross the
/// primary circuit at or after the fix time.</summary>
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

    private readonly LongBag _spans = new();
    private readonly LongBag _parents = new();
    private readonly LongBag _roots = new();
    private readonly LongBag _traces = new();
    private readonly LongBag _transactions = new();

    public SortedRuns Spans { get; } = new();
    public SortedRuns ParentRefs { get; } = new();
    public SortedRuns RootTraces { get; } = new();
    public SortedRuns Traces { get; } = new();
    public SortedRuns TransactionIds { get; } = new();
    public TraceGroups Groups { get; } = new();

    public override void Row(CsvReader row, RowValues values)
    {
        var trace = FieldText.HexIdKey(row.GetSpan(Trace));
        var span = FieldText.HexIdKey(row.GetSpan(Span));
        _spans.Add(FieldText.Pair(trace, span));
        var parent = row.GetSpan(Parent);
        if (parent.IsEmpty)
        {
            _roots.Add(trace);
            Groups.Add(trace, span, null);
        }
        else
        {
            var parentKey = FieldText.HexIdKey(parent);
            _parents.Add(FieldText.Pair(trace, parentKey));
            Groups.Add(trace, span, parentKey);
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
        // Sorted only if the check must fall back to them (a trace whose rows are not together).
        Spans.AddRun(_spans, sortLater: true);
        ParentRefs.AddRun(_parents, sortLater: true);
        RootTraces.AddRun(_roots, sortLater: true);
        Traces.AddRun(_traces);
        TransactionIds.AddRun(_transactions);
    }

    public override void Merge(TableCollector next)
    {
        var o = (TraceSpanCollector)next;
        Spans.Append(o.Spans);
        ParentRefs.Append(o.ParentRefs);
        RootTraces.Append(o.RootTraces);
        Traces.Append(o.Traces);
        TransactionIds.Append(o.TransactionIds);
        Groups.Merge(o.Groups);
        PrimarySpansAfterFix += o.PrimarySpansAfterFix;
    }
}
