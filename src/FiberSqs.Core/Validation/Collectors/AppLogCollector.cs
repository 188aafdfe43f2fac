using System.Runtime.CompilerServices;
using CsvHelper;
using FiberSqs.Core.Tables;

namespace FiberSqs.Core.Validation.Collectors;

/// <summary>
/// app_logs: the transactions (id and customer of each <c>received</c> row), the app_log_transactions figures counted
/// transaction by transaction (a file that scatters a transaction's rows is read again for its referenced and final
/// ids, <see cref="TransactionKeyCollector"/>), the hosts, the incident figures of the central provision/modify
/// transactions (dependency latency and timeouts of those that started in a burst, impacted, and of those that did
/// not, baseline, outside the central CPU spike), the order and dependency fields of each transaction's rows, timeout
/// durations, the primary circuit after the fix time and the confounders' timeouts. A transaction's start second is
/// read from its id (<c>TX-yyyyMMddHHmmss-N</c>), so each row is judged alone.
/// </summary>
internal sealed class AppLogCollector(ScanContext context) : TableCollector
{
    private static readonly TableSchema T = TableCatalog.AppLogs;
    private static readonly int Timestamp = T.IndexOf("timestamp");
    private static readonly int Region = T.IndexOf("region");
    private static readonly int Host = T.IndexOf("host");
    private static readonly int TransactionId = T.IndexOf("transaction_id");
    private static readonly int Customer = T.IndexOf("customer_id");
    private static readonly int Type = T.IndexOf("transaction_type");
    private static readonly int Event = T.IndexOf("event");
    private static readonly int DependencyRegion = T.IndexOf("dependency_region");
    private static readonly int DependencyService = T.IndexOf("dependency_service");
    private static readonly int DependencyLatency = T.IndexOf("dependency_latency_ms");
    private static readonly int EndToEnd = T.IndexOf("end_to_end_latency_ms");
    private static readonly int ErrorCode = T.IndexOf("error_code");
    private static readonly int Circuit = T.IndexOf("circuit_id");

    private readonly byte[] _sourceRegion = System.Text.Encoding.UTF8.GetBytes(context.SourceRegion);
    private readonly byte[] _destinationRegion = System.Text.Encoding.UTF8.GetBytes(context.DestinationRegion);
    private readonly byte[] _primary = System.Text.Encoding.UTF8.GetBytes(context.PrimaryCircuit);
    private readonly byte[][] _affected = [.. context.AffectedTypes.Select(System.Text.Encoding.UTF8.GetBytes)];
    private readonly ConfounderWindow[] _confounders = [.. context.Confounders];
    private readonly byte[][] _confounderRegions = [.. context.Confounders.Select(c => System.Text.Encoding.UTF8.GetBytes(c.Region))];
    private readonly long _cpuStart = context.CpuSpike is { } c && c.Region == context.SourceRegion ? FieldText.SecondNumber(c.Start) : 0;
    private readonly long _cpuEnd = context.CpuSpike is { } c && c.Region == context.SourceRegion ? FieldText.SecondNumber(c.End) : 0;
    private readonly long _fixTicks = context.FixTime.Ticks;

    private readonly LongBag _received = new();
    private readonly LongBag _receivedCustomers = new();

    /// <summary>The transaction figures counted run by run of a transaction's rows.</summary>
    public TransactionGroups Groups { get; } = new();

    /// <summary>The transaction id of each received row, with its customer as the value.</summary>
    public SortedRuns Received { get; } = new();

    public long FinalsWithoutLatency { get; private set; }
    public long DependencyCallsWithoutLatency { get; private set; }
    public long DependencyCallsWithoutCircuit { get; private set; }
    public NameSet Hosts { get; } = new();

    public RunningMean ImpactedDependencyMs;
    public RunningMean BaselineDependencyMs;

    /// <summary>End-to-end latency of the slice's final rows, in bursts and at baseline (a stall shows there, not in calls).</summary>
    public RunningMean ImpactedEndToEndMs;
    public RunningMean BaselineEndToEndMs;

    /// <summary>Calls into the incident's destination region from the other regions' transactions, started in a burst
    /// or not: a failing dependency slows every caller, a failing circuit only its own.</summary>
    public RunningMean OtherCallersBurstMs;
    public RunningMean OtherCallersBaselineMs;
    public long ImpactedFinals;
    public long ImpactedTimeouts;
    public long BaselineFinals;
    public long BaselineTimeouts;

    public TransactionRowOrder Order { get; } = new();
    public TimeoutDurations Timeouts;

    /// <summary>Rows on the primary circuit at or after the fix time, and the first transaction of them.</summary>
    public long PrimaryRowsAfterFix;
    public long FirstPrimaryAfterFix;

    /// <summary>Impacted-slice transactions received at or after the fix time, and those of them on another circuit.</summary>
    public long SliceAfterFix;
    public long SliceAfterFixElsewhere;

    /// <summary>Per confounder (the key's order): final rows of the transactions on its path (its region's; for a
    /// network one its region's cross-region ones; for a dependency one every call into its region) started in its
    /// window, and their timeouts.</summary>
    public long[] ConfounderFinals { get; } = new long[context.Confounders.Count];
    public long[] ConfounderTimeouts { get; } = new long[context.Confounders.Count];

    /// <summary>Per confounder: dependency calls on its path in its window, and at the same time of the other days
    /// outside every burst (a network or dependency red herring slows calls; the others do not).</summary>
    public RunningMean[] ConfounderCallsInside { get; } = new RunningMean[context.Confounders.Count];
    public RunningMean[] ConfounderCallsOutside { get; } = new RunningMean[context.Confounders.Count];

    // Per-row path: compiled optimized at its first call, not run at tier 0 first (docs/performance.md).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public override void Row(CsvReader row, RowValues values)
    {
        var id = FieldText.TransactionKey(row.GetSpan(TransactionId));
        Hosts.Add(row.GetSpan(Host));
        var evt = row.GetSpan(Event);
        var stage = TransactionRowOrder.Stage(evt);
        Groups.Add(id, received: stage == TransactionRowOrder.ReceivedStage, final: stage == TransactionRowOrder.FinalStage);
        var ticks = values.Ticks[Timestamp];
        var circuit = row.GetSpan(Circuit);
        var dependency = FieldText.Hash(circuit) ^ (3 * FieldText.Hash(row.GetSpan(DependencyRegion))) ^ (5 * FieldText.Hash(row.GetSpan(DependencyService)));
        if (ticks != RowValues.NoTicks)
        {
            Order.Add(new TransactionRowOrder.RowKey(id, ticks, stage, dependency));
            if (ticks >= _fixTicks && circuit.SequenceEqual(_primary))
            {
                PrimaryRowsAfterFix++;
                FirstPrimaryAfterFix = FirstPrimaryAfterFix == 0 ? id : FirstPrimaryAfterFix;
            }
        }

        switch (evt.Length)
        {
            case 8 when evt.SequenceEqual("received"u8):
                _received.Add(id);
                _receivedCustomers.Add(FieldText.CustomerKey(row.GetSpan(Customer)));
                if (ticks >= _fixTicks && ticks != RowValues.NoTicks && InSlice(row))
                {
                    SliceAfterFix++;
                    SliceAfterFixElsewhere += !circuit.IsEmpty && !circuit.SequenceEqual(_primary) ? 1 : 0;
                }

                return;
            case 9 when evt.SequenceEqual("completed"u8):
            case 7 when evt.SequenceEqual("timeout"u8):
                Final(row, values, id, timeout: evt.Length == 7, crossRegion: !circuit.IsEmpty);
                return;
            case 15 when evt.SequenceEqual("dependency_call"u8):
                var ms = values.Numbers[DependencyLatency];
                if (double.IsNaN(ms))
                {
                    DependencyCallsWithoutLatency++;
                    return;
                }

                if (circuit.IsEmpty)
                {
                    DependencyCallsWithoutCircuit++;
                }

                if (ticks != RowValues.NoTicks)
                {
                    ConfounderCalls(row, ticks, ms);
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
                else if (FieldText.IsExactTransactionKey(id) && !row.GetSpan(Region).SequenceEqual(_sourceRegion) &&
                         row.GetSpan(DependencyRegion).SequenceEqual(_destinationRegion))
                {
                    if (context.StartsInBurst(FieldText.StartSecondNumber(id)))
                    {
                        OtherCallersBurstMs.Add(ms);
                    }
                    else
                    {
                        OtherCallersBaselineMs.Add(ms);
                    }
                }

                return;
        }
    }

    private void Final(CsvReader row, RowValues values, long id, bool timeout, bool crossRegion)
    {
        var endToEnd = values.Numbers[EndToEnd];
        var dependencyMs = values.Numbers[DependencyLatency];
        if (double.IsNaN(endToEnd))
        {
            FinalsWithoutLatency++;
        }

        if (context.HasTimeouts)
        {
            if (timeout)
            {
                Timeouts.Timeout(id, row.GetSpan(ErrorCode).SequenceEqual("DEP_TIMEOUT"u8), endToEnd, dependencyMs,
                    context.OrchestrationTimeoutMs, context.DependencyTimeoutMs);
            }
            else
            {
                Timeouts.Completed(id, crossRegion, endToEnd, dependencyMs, context.OrchestrationTimeoutMs, context.DependencyTimeoutMs);
            }
        }

        if (Group(row, id) is { } impacted)
        {
            if (impacted)
            {
                ImpactedFinals++;
                ImpactedTimeouts += timeout ? 1 : 0;
                if (!double.IsNaN(endToEnd))
                {
                    ImpactedEndToEndMs.Add(endToEnd);
                }
            }
            else
            {
                BaselineFinals++;
                BaselineTimeouts += timeout ? 1 : 0;
                if (!double.IsNaN(endToEnd))
                {
                    BaselineEndToEndMs.Add(endToEnd);
                }
            }
        }

        if (!FieldText.IsExactTransactionKey(id))
        {
            return;
        }

        var second = FieldText.StartSecondNumber(id);
        for (var i = 0; i < _confounders.Length; i++)
        {
            var w = _confounders[i];
            if (second >= w.StartSecond && second < w.EndSecond && OnPath(row, i))
            {
                ConfounderFinals[i]++;
                ConfounderTimeouts[i] += timeout ? 1 : 0;
            }
        }
    }

    /// <summary>Whether the row's transaction is on confounder <paramref name="i"/>'s path (Story.Selects, read back).</summary>
    private bool OnPath(CsvReader row, int i) => _confounders[i].Kind switch
    {
        Scenarios.ScenarioKinds.NetworkCircuitDegradation => row.GetSpan(Region).SequenceEqual(_confounderRegions[i]) && !row.GetSpan(Circuit).IsEmpty,
        Scenarios.ScenarioKinds.DependencyOutage => row.GetSpan(DependencyRegion).SequenceEqual(_confounderRegions[i]),
        _ => row.GetSpan(Region).SequenceEqual(_confounderRegions[i]),
    };

    private void ConfounderCalls(CsvReader row, long ticks, double ms)
    {
        for (var i = 0; i < _confounders.Length; i++)
        {
            var w = _confounders[i];
            if (!OnPath(row, i))
            {
                continue;
            }

            if (w.Contains(ticks))
            {
                ConfounderCallsInside[i].Add(ms);
            }
            else if (w.SameTimeOtherDay(ticks) && !context.OverlapsBurst(ticks, 1))
            {
                ConfounderCallsOutside[i].Add(ms);
            }
        }
    }

    private bool InSlice(CsvReader row)
    {
        if (!row.GetSpan(Region).SequenceEqual(_sourceRegion))
        {
            return false;
        }

        var type = row.GetSpan(Type);
        foreach (var a in _affected)
        {
            if (type.SequenceEqual(a))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>For a central provision/modify transaction: true when it started in a burst, false for the baseline;
    /// null for other transactions (and for the CPU spike, which is neither).</summary>
    private bool? Group(CsvReader row, long id)
    {
        if (!FieldText.IsExactTransactionKey(id) || !InSlice(row))
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
        Received.AddRun(_received, _receivedCustomers);
    }

    public override void Merge(TableCollector next)
    {
        var o = (AppLogCollector)next;
        Received.Append(o.Received);
        Groups.Merge(o.Groups);
        FinalsWithoutLatency += o.FinalsWithoutLatency;
        DependencyCallsWithoutLatency += o.DependencyCallsWithoutLatency;
        DependencyCallsWithoutCircuit += o.DependencyCallsWithoutCircuit;
        Hosts.Merge(o.Hosts);
        ImpactedDependencyMs.Add(o.ImpactedDependencyMs);
        BaselineDependencyMs.Add(o.BaselineDependencyMs);
        ImpactedEndToEndMs.Add(o.ImpactedEndToEndMs);
        BaselineEndToEndMs.Add(o.BaselineEndToEndMs);
        OtherCallersBurstMs.Add(o.OtherCallersBurstMs);
        OtherCallersBaselineMs.Add(o.OtherCallersBaselineMs);
        ImpactedFinals += o.ImpactedFinals;
        ImpactedTimeouts += o.ImpactedTimeouts;
        BaselineFinals += o.BaselineFinals;
        BaselineTimeouts += o.BaselineTimeouts;
        Order.Merge(o.Order);
        Timeouts.Add(o.Timeouts);
        FirstPrimaryAfterFix = FirstPrimaryAfterFix == 0 ? o.FirstPrimaryAfterFix : FirstPrimaryAfterFix;
        PrimaryRowsAfterFix += o.PrimaryRowsAfterFix;
        SliceAfterFix += o.SliceAfterFix;
        SliceAfterFixElsewhere += o.SliceAfterFixElsewhere;
        for (var i = 0; i < ConfounderFinals.Length; i++)
        {
            ConfounderFinals[i] += o.ConfounderFinals[i];
            ConfounderTimeouts[i] += o.ConfounderTimeouts[i];
            ConfounderCallsInside[i].Add(o.ConfounderCallsInside[i]);
            ConfounderCallsOutside[i].Add(o.ConfounderCallsOutside[i]);
        }
    }
}
