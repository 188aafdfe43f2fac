using System.Buffers;
using System.Buffers.Binary;

namespace FiberSqs.Core.ClickHouse.NativeLoad;

/// <summary>
/// Puts a block's rows in the order of its table's ORDER BY key before it is sent. A MergeTree server sorts every
/// block it receives, and when the block is not sorted yet it builds a permutation and copies every column into new
/// memory; a block already in order skips both (18.16 counts it as MergeTreeDataWriterBlocksAlreadySorted), which
/// is most of what an insert costs the server. Text keys are ranked by their bytes (how ClickHouse compares
/// strings), numeric keys by value.
/// </summary>
internal sealed class NativeBlockSorter
{
    private readonly int[] _textKeys;
    private readonly int _numberKey;
    private readonly int _numberWidth;
    private NativeSortKey[] _keys = [];
    private int[] _order = [];
    private int[] _ranks = [];

    /// <param name="textKeys">The text key columns, most significant first (indexes into the block's columns).</param>
    /// <param name="numberKey">The last key column, numeric (a time), or -1.</param>
    /// <param name="numberWidth">Its width: 4 (DateTime, unsigned) or 8 (DateTime64, Int64).</param>
    public NativeBlockSorter(int[] textKeys, int numberKey, int numberWidth)
    {
        _textKeys = textKeys;
        _numberKey = numberKey;
        _numberWidth = numberWidth;
    }

    /// <summary>The permutation that sorts the block (null when it is in order already).</summary>
    public int[]? Order(int rows, ArrayBufferWriter<byte>[] data, int[][] rowStarts)
    {
        if (_keys.Length < rows)
        {
            _keys = new NativeSortKey[rows];
            _order = new int[rows];
        }

        var keys = _keys.AsSpan(0, rows);
        keys.Clear();
        long scale = 1;
        for (var k = _textKeys.Length - 1; k >= 0; k--)
        {
            var column = _textKeys[k];
            var ranks = TextRanks(rows, data[column].WrittenMemory, rowStarts[column], out var distinct);
            for (var r = 0; r < rows; r++)
            {
                keys[r] = keys[r] with { Group = keys[r].Group + (ranks[r] * scale) };
            }

            scale = checked(scale * distinct);
        }

        if (_numberKey >= 0)
        {
            var span = data[_numberKey].WrittenSpan;
            for (var r = 0; r < rows; r++)
            {
                var time = _numberWidth == 4 ? BinaryPrimitives.ReadUInt32LittleEndian(span[(r * 4)..]) : BinaryPrimitives.ReadInt64LittleEndian(span[(r * 8)..]);
                keys[r] = keys[r] with { Time = time };
            }
        }

        var sorted = true;
        for (var r = 1; r < rows && sorted; r++)
        {
            sorted = keys[r - 1].CompareTo(keys[r]) <= 0;
        }

        if (sorted)
        {
            return null;
        }

        var order = _order.AsSpan(0, rows);
        for (var r = 0; r < rows; r++)
        {
            order[r] = r;
        }

        keys.Sort(order);
        return _order;
    }

    /// <summary>Each row's rank among the distinct values of a text column (ordinal byte order, as ClickHouse compares
    /// strings), and how many distinct values there are. Key columns hold few values (regions, services, hosts), so an
    /// open-addressing table of the block's distinct values finds each row's value in a probe or two.</summary>
    private int[] TextRanks(int rows, ReadOnlyMemory<byte> memory, int[] starts, out int distinct)
    {
        var data = memory.Span;
        if (_ranks.Length < rows)
        {
            _ranks = new int[rows];
        }

        var ids = _ranks;
        var firstRows = new List<int>();
        var slots = new int[1024]; // id + 1, 0 = free
        for (var r = 0; r < rows; r++)
        {
            var value = NativeStrings.At(data, starts[r]);
            var hash = new HashCode();
            hash.AddBytes(value);
            var mask = slots.Length - 1;
            var slot = hash.ToHashCode() & mask;
            int id;
            while (true)
            {
                if (slots[slot] == 0)
                {
                    id = firstRows.Count;
                    firstRows.Add(r);
                    slots[slot] = id + 1;
                    if (firstRows.Count * 2 > slots.Length)
                    {
                        slots = Rehash(firstRows, data, starts, slots.Length * 2);
                    }

                    break;
                }

                if (NativeStrings.At(data, starts[firstRows[slots[slot] - 1]]).SequenceEqual(value))
                {
                    id = slots[slot] - 1;
                    break;
                }

                slot = (slot + 1) & mask;
            }

            ids[r] = id;
        }

        distinct = firstRows.Count;
        var byValue = new int[distinct];
        for (var i = 0; i < distinct; i++)
        {
            byValue[i] = i;
        }

        Array.Sort(byValue, (a, b) =>
        {
            var span = memory.Span;
            return NativeStrings.At(span, starts[firstRows[a]]).SequenceCompareTo(NativeStrings.At(span, starts[firstRows[b]]));
        });
        var rank = new int[distinct];
        for (var i = 0; i < distinct; i++)
        {
            rank[byValue[i]] = i;
        }

        for (var r = 0; r < rows; r++)
        {
            ids[r] = rank[ids[r]];
        }

        return ids;
    }

    private static int[] Rehash(List<int> firstRows, ReadOnlySpan<byte> data, int[] starts, int size)
    {
        var slots = new int[size];
        for (var id = 0; id < firstRows.Count; id++)
        {
            var hash = new HashCode();
            hash.AddBytes(NativeStrings.At(data, starts[firstRows[id]]));
            var slot = hash.ToHashCode() & (size - 1);
            while (slots[slot] != 0)
            {
                slot = (slot + 1) & (size - 1);
            }

            slots[slot] = id + 1;
        }

        return slots;
    }
}
