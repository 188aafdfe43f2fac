using System.Text;
using FiberSqs.Core.Validation;

namespace FiberSqs.Core.Reporting;

/// <summary>
/// The distinct names (regions, hosts, circuits, services) one reader has met, each given a small index, looked up
/// from the CSV field's bytes without allocating a string per row. Bounded: past <see cref="Capacity"/> names a new one
/// gets -1 and its rows are left out, so a crafted file of a million host names cannot grow the report's memory.
/// </summary>
internal sealed class NameTable
{
    private readonly List<byte[]> _names = [];
    private readonly Dictionary<long, int> _byHash = [];

    public NameTable(int capacity) => Capacity = capacity;

    public int Capacity { get; }

    public int Count => _names.Count;

    /// <summary>The index of <paramref name="name"/>, added if new; -1 for an empty field or when the table is full.</summary>
    public int IndexOf(ReadOnlySpan<byte> name)
    {
        if (name.IsEmpty)
        {
            return -1;
        }

        var hash = FieldText.Hash(name);
        if (_byHash.TryGetValue(hash, out var index))
        {
            if (name.SequenceEqual(_names[index]))
            {
                return index;
            }

            // Two names with one 64-bit hash: look the long way (never met in practice, but never wrong).
            for (var i = 0; i < _names.Count; i++)
            {
                if (name.SequenceEqual(_names[i]))
                {
                    return i;
                }
            }
        }

        if (_names.Count >= Capacity)
        {
            return -1;
        }

        _names.Add(name.ToArray());
        _byHash.TryAdd(hash, _names.Count - 1);
        return _names.Count - 1;
    }

    public int IndexOf(string name) => IndexOf(Encoding.UTF8.GetBytes(name));

    /// <summary>The index of a name already in the table, or -1 (never adds).</summary>
    public int Find(string name)
    {
        var bytes = Encoding.UTF8.GetBytes(name);
        for (var i = 0; i < _names.Count; i++)
        {
            if (bytes.AsSpan().SequenceEqual(_names[i]))
            {
                return i;
            }
        }

        return -1;
    }

    public string NameOf(int index) => Encoding.UTF8.GetString(_names[index]);

    public IEnumerable<string> Names => _names.Select(n => Encoding.UTF8.GetString(n));
}
