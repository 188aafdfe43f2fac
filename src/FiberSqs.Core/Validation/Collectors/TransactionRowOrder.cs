namespace FiberSqs.Core.Validation.Collectors;

/// <summary>
/// The rows of one transaction follow each other in time and in the order of its life (received, queued,
/// orchestrated, its attempts, the final row, the retry row), and agree on its dependency fields (the same
/// dependency region, service and circuit on every row). Checked between consecutive rows of a transaction, which
/// the file keeps together; the pair that straddles two chunks is compared when the chunks merge.
/// </summary>
internal sealed class TransactionRowOrder
{
    /// <summary>One row as the order check needs it.</summary>
    internal readonly record struct RowKey(long Transaction, long Ticks, int Stage, long Dependency);

    private RowKey? _first;
    private RowKey? _last;

    public long Pairs { get; private set; }
    public long OutOfOrder { get; private set; }
    public long DependencyMismatches { get; private set; }
    public long FirstOutOfOrder { get; private set; }
    public long FirstDependencyMismatch { get; private set; }

    public const int ReceivedStage = 0;
    public const int FinalStage = 4;

    /// <summary>The stage of an event in a transaction's life, or -1 for an unknown event (not compared).</summary>
    public static int Stage(ReadOnlySpan<byte> evt) => evt.Length switch
    {
        8 when evt.SequenceEqual("received"u8) => ReceivedStage,
        6 when evt.SequenceEqual("queued"u8) => 1,
        12 when evt.SequenceEqual("orchestrated"u8) => 2,
        15 when evt.SequenceEqual("dependency_call"u8) || evt.SequenceEqual("worker_progress"u8) => 3,
        9 when evt.SequenceEqual("completed"u8) => FinalStage,
        7 when evt.SequenceEqual("timeout"u8) => FinalStage,
        5 when evt.SequenceEqual("retry"u8) => 5,
        _ => -1,
    };

    public void Add(RowKey row)
    {
        if (_last is { } previous)
        {
            Compare(previous, row);
        }
        else
        {
            _first = row;
        }

        _last = row;
    }

    /// <summary>Adds the rows of the chunk that follows in the file.</summary>
    public void Merge(TransactionRowOrder next)
    {
        if (_last is { } a && next._first is { } b)
        {
            Compare(a, b);
        }

        _first ??= next._first;
        _last = next._last ?? _last;
        Pairs += next.Pairs;
        if (FirstOutOfOrder == 0)
        {
            FirstOutOfOrder = next.FirstOutOfOrder;
        }

        if (FirstDependencyMismatch == 0)
        {
            FirstDependencyMismatch = next.FirstDependencyMismatch;
        }

        OutOfOrder += next.OutOfOrder;
        DependencyMismatches += next.DependencyMismatches;
    }

    private void Compare(RowKey a, RowKey b)
    {
        if (a.Transaction != b.Transaction || a.Stage < 0 || b.Stage < 0)
        {
            return;
        }

        Pairs++;
        if (b.Ticks < a.Ticks || b.Stage < a.Stage)
        {
            OutOfOrder++;
            FirstOutOfOrder = FirstOutOfOrder == 0 ? b.Transaction : FirstOutOfOrder;
        }

        if (a.Dependency != b.Dependency)
        {
            DependencyMismatches++;
            FirstDependencyMismatch = FirstDependencyMismatch == 0 ? b.Transaction : FirstDependencyMismatch;
        }
    }
}
