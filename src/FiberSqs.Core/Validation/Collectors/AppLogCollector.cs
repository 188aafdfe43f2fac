using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>
/// app_logs: the transactions (id and customer of each <c>received</c> row), every transaction id referenced,
/// the final <c>completed</c>/<c>timeout</c> rows, the hosts, and the incident figures of the central
/// provision/modify transactions: dependency latency and timeouts of those that started in a burst (impacted) and
/// of those that did not (baseline, outside the central CPU spike). A transaction's start second is read from its
/// id (<c>TX-yyyyMMddHHmmss-N</c>), so each row is judged alone, without waiting for the transaction's other rows.
/// </summary>
internal sealed class AppLogCollector(ScanContext context) : TableCollector
{
    private static readonly TableSchema T = TableCatalog.AppLogs;
    private static readonly int Region = T.IndexOf("region");
    private static readonly int Host = T.IndexOf("host");
    private static readonly int TransactionId = T.IndexOf("transaction_id");
    private static readonly int Customer = T.IndexOf("customer_id");
    private static readonly int Type = T.IndexOf("transaction_type");
    private static readonly int Event = T.IndexOf("event");
    private static readonly int DependencyLatency = T.IndexOf("dependency_latency_ms");
    private static readonly int EndToEnd = T.IndexOf("end_to_end_latency_ms");
    private static readonly int Circuit = T.IndexOf("circuit_id");

    private readonly byte[] _sourceRegion = System.Text.Encoding.UTF8.GetBytes(context.SourceRegion);
    private readonly byte[][] _affected = [.. context.AffectedTypes.Select(System.Text.Encoding.UTF8.GetBytes)];
    private readonly long _cpuStart = context.CpuSpike is { } c && c.Region == context.SourceRegion ? FieldText.SecondNumber(c.Start) : 0;
    private readonly long _cpuEnd = context.CpuSpike is { } c && c.Region == context.SourceRegion ? FieldText.SecondNumber(c.End) : 0;
    private long _lastId = -1;

    private readonly LongBag _referenced = new();
    private readonly LongBag _received = new();
    private readonly LongBag _receivedCustomers = new();
    private readonly LongBag _finals = new();

    /// <summary>Every transaction id referenced (consecutive repeats dropped).</summary>
    public SortedRuns ReferencedIds { get; } = new();

    /// <summary>The transaction id of each received row, with its customer as the value.</summary>
    public SortedRuns Received { get; } = new();

    /// <summary>The transaction id of each completed or timeout row.</summary>
    public SortedRuns FinalIds { get; } = new();

    public long FinalsWithoutLatency { get; private set; }
    public long DependencyCallsWithoutLatency { get; private set; }
    public long DependencyCallsWithoutCircuit { get; private set; }
    public NameSet Hosts { get; } = new();

    public RunningMean ImpactedDependencyMs;
    public RunningMean BaselineDependencyMs;
    public long ImpactedFinals;
    public long ImpactedTimeouts;
    public long BaselineFinals;
    public long BaselineTimeouts;

    public override void Row(CsvReader row, RowValues values)
    {
        var id = FieldText.TransactionKey(row.GetSpan(TransactionId));
        if (id != _lastId)
        {
            _referenced.Add(id);
            _lastId = id;
        }

        Hosts.Add(row.GetSpan(Host));
        var evt = row.GetSpan(Event);
        switch (evt.Length)
        {
            case 8 when evt.SequenceEqual("received"u8):
                _received.Add(id);
                _receivedCustomers.Add(FieldText.CustomerKey(row.GetSpan(Customer)));
                return;
            case 9 when evt.SequenceEqual("completed"u8):
            case 7 when evt.SequenceEqual("timeout"u8):
                _finals.Add(id);
                if (double.IsNaN(values.Numbers[EndToEnd]))
                {
                    FinalsWithoutLatency++;
                }

                if (Group(row, id) is { } impacted)
                {
                    var timeout = evt.Length == 7;
                    if (impacted)
                    {
                        ImpactedFinals++;
                        ImpactedTimeouts += timeout ? 1 : 0;
                    }
                    else
                    {
                        BaselineFinals++;
                        BaselineTimeouts += timeout ? 1 : 0;
                    }
                }

                return;
            case 15 when evt.SequenceEqual("dependency_call"u8):
                var ms = values.Numbers[DependencyLatency];
                if (double.IsNaN(ms))
                {
                    DependencyCallsWithoutLatency++;
                    return;
                }

                if (row.GetSpan(Circuit).IsEmpty)
                {
                    DependencyCallsWithoutCircuit++;
                }

                if (Group(row, id) is { } inBurst)
                {
                    if (inBurst)
                    {
                        ImpactedDependencyMs.Add(ms);
                    }
                    else
                    {
                        BaselineDependencyMs.Add(ms);
                    }
                }

                return;
        }
    }

    /// <summary>For a central provision/modify transaction: true when it started in a burst, false for the baseline;
    /// null for other transactions (and for the CPU spike, which is neither).</summary>
    private bool? Group(CsvReader row, long id)
    {
        if (!FieldText.IsExactTransactionKey(id) || !row.GetSpan(Region).SequenceEqual(_sourceRegion))
        {
            return null;
        }

        var type = row.GetSpan(Type);
        var affected = false;
        foreach (var a in _affected)
        {
            affected |= type.SequenceEqual(a);
        }

        if (!affected)
        {
            return null;
        }

        var second = FieldText.StartSecondNumber(id);
        if (context.StartsInBurst(second))
        {
            return true;
        }

        return second >= _cpuStart && second < _cpuEnd ? null : false;
    }

    public override void Seal()
    {
        ReferencedIds.AddRun(_referenced);
        Received.AddRun(_received, _receivedCustomers);
        FinalIds.AddRun(_finals);
    }

    public override void Merge(TableCollector next)
    {
        var o = (AppLogCollector)next;
        ReferencedIds.Append(o.ReferencedIds);
        Received.Append(o.Received);
        FinalIds.Append(o.FinalIds);
        FinalsWithoutLatency += o.FinalsWithoutLatency;
        DependencyCallsWithoutLatency += o.DependencyCallsWithoutLatency;
        DependencyCallsWithoutCircuit += o.DependencyCallsWithoutCircuit;
        Hosts.Merge(o.Hosts);
        ImpactedDependencyMs.Add(o.ImpactedDependencyMs);
        BaselineDependencyMs.Add(o.BaselineDependencyMs);
        ImpactedFinals += o.ImpactedFinals;
        ImpactedTimeouts += o.ImpactedTimeouts;
        BaselineFinals += o.BaselineFinals;
        BaselineTimeouts += o.BaselineTimeouts;
    }
}
