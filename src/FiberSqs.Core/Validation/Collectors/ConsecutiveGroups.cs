namespace FiberSqs.Core.Validation.Collectors;

/// <summary>
/// Runs of consecutive rows with the same key (a trace's spans, a transaction's log rows), read chunk by chunk on
/// several workers and closed one by one as the key changes; the run a chunk boundary cuts is joined again when the
/// chunks merge in file order. Each chunk keeps its first group open (the chunk before may continue in it) and its
/// last (the next chunk may). <see cref="Joins"/> counts the joins: a key list that names a key once per chunk it is
/// in repeats exactly that often when every key's rows are together.
/// </summary>
internal abstract class ConsecutiveGroups<TGroup>
    where TGroup : ConsecutiveGroups<TGroup>.Group, new()
{
    private TGroup? _head;
    private TGroup? _tail;

    /// <summary>Groups joined across a chunk boundary.</summary>
    public long Joins { get; private set; }

    /// <summary>The group of <paramref name="key"/> to add a row to: the current one, or a new one when the key changes.</summary>
    protected TGroup At(long key)
    {
        if (_tail is not null && _tail.Key == key)
        {
            return _tail;
        }

        if (_tail is null || ReferenceEquals(_tail, _head))
        {
            _tail = new TGroup(); // the head stays open for the chunk before
            _head ??= _tail;
        }
        else
        {
            Close(_tail);
        }

        _tail.Reset(key);
        return _tail;
    }

    /// <summary>Adds the groups of the chunk that follows in the file (this one holds the chunks from the first).</summary>
    public void Merge(ConsecutiveGroups<TGroup> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        CloseHead(); // nothing comes before this set's first group: it is complete
        if (next._head is { } first)
        {
            if (_tail is not null && _tail.Key == first.Key)
            {
                _tail.Absorb(first);
                Joins++;
            }
            else
            {
                if (_tail is not null)
                {
                    Close(_tail);
                }

                _tail = first;
            }

            if (!ReferenceEquals(next._tail, first))
            {
                Close(_tail);
                _tail = next._tail;
            }
        }

        Joins += next.Joins;
        AddClosed(next);
    }

    /// <summary>Closes the groups still open (the file's first and last); call once every chunk is merged.</summary>
    public void Complete()
    {
        CloseHead();
        if (_tail is not null)
        {
            Close(_tail);
        }

        _tail = null;
    }

    /// <summary>Closes the first group unless it is also the last (still open for the next chunk).</summary>
    private void CloseHead()
    {
        if (_head is not null && !ReferenceEquals(_head, _tail))
        {
            Close(_head);
        }

        _head = null;
    }

    /// <summary>Counts a group whose rows are all read.</summary>
    protected abstract void Close(TGroup group);

    /// <summary>Adds the counts of the other set's closed groups.</summary>
    protected abstract void AddClosed(ConsecutiveGroups<TGroup> other);

    /// <summary>The rows of one key read so far.</summary>
    internal abstract class Group
    {
        public long Key { get; private set; }

        public virtual void Reset(long key) => Key = key;

        /// <summary>Takes the rows of the same key's group in the next chunk.</summary>
        public abstract void Absorb(TGroup other);
    }
}
