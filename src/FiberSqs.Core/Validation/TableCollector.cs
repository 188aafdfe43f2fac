using CsvHelper;

namespace FiberSqs.Core.Validation;

/// <summary>
/// Gathers what one table's checks need from its rows. One instance reads one chunk (on one worker thread);
/// the instances of a table's chunks are then merged in file order.
/// </summary>
internal abstract class TableCollector
{
    /// <summary>Called for every data row whose field count matches the header.</summary>
    public abstract void Row(CsvReader row, RowValues values);

    /// <summary>Called once the chunk is read, on the same worker: sorts what the chunk collected.</summary>
    public virtual void Seal()
    {
    }

    /// <summary>Adds the rows of the next chunk (<paramref name="next"/> is of the same type and not used again).</summary>
    public abstract void Merge(TableCollector next);
}
