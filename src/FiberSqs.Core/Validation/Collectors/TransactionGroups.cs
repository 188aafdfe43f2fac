namespace FiberSqs.Core.Validation.Collectors;

/// <summary>
/// The app_log_transactions figures counted transaction by transaction, on each run of consecutive rows of one
/// transaction id (the generator writes a transaction's rows together): runs without a received row or with several,
/// runs without a completed/timeout row, and final rows beyond the first. When every run has exactly one received row
/// and no received id repeats in the file, every transaction's rows are together and these are the file's figures,
/// found without sorting the referenced and final ids; else the check falls back to the file-wide key sets.
/// </summary>
internal sealed class TransactionGroups : ConsecutiveGroups<TransactionGroups.Transaction>
{
    /// <summary>Runs without exactly one received row.</summary>
    public long NotReceivedOnce { get; private set; }

    /// <summary>Runs without a final row, and the smallest of their ids.</summary>
    public long WithoutFinal { get; private set; }

    public long FirstWithoutFinal { get; private set; } = long.MaxValue;

    /// <summary>Final rows beyond the first of a run.</summary>
    public long DuplicateFinals { get; private set; }

    /// <summary>Adds a row of transaction <paramref name="id"/>.</summary>
    public void Add(long id, bool received, bool final)
    {
        var g = At(id);
        g.Received += received ? 1 : 0;
        g.Finals += final ? 1 : 0;
    }

    protected override void Close(Transaction group)
    {
        NotReceivedOnce += group.Received == 1 ? 0 : 1;
        if (group.Finals == 0)
        {
            WithoutFinal++;
            FirstWithoutFinal = Math.Min(FirstWithoutFinal, group.Key);
        }

        DuplicateFinals += Math.Max(0, group.Finals - 1);
    }

    protected override void AddClosed(ConsecutiveGroups<Transaction> other)
    {
        var o = (TransactionGroups)other;
        NotReceivedOnce += o.NotReceivedOnce;
        WithoutFinal += o.WithoutFinal;
        FirstWithoutFinal = Math.Min(FirstWithoutFinal, o.FirstWithoutFinal);
        DuplicateFinals += o.DuplicateFinals;
    }

    /// <summary>The rows of one transaction read so far, as counts.</summary>
    internal sealed class Transaction : Group
    {
        public int Received { get; set; }
        public int Finals { get; set; }

        public override void Reset(long key)
        {
            base.Reset(key);
            Received = 0;
            Finals = 0;
        }

        public override void Absorb(Transaction other)
        {
            Received += other.Received;
            Finals += other.Finals;
        }
    }
}
