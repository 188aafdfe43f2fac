namespace FiberSqs.Core.Validation.Collectors;

/// <summary>A set of short names (hosts, regions) seen in a column, keyed by their hash so the hot path allocates
/// only for a name it has not seen yet.</summary>
internal sealed class NameSet
{
    private readonly Dictionary<long, string> _names = [];
    private long _lastKey;

    public IEnumerable<string> Names => _names.Values;

    public int Count => _names.Count;

    public void Add(ReadOnlySpan<byte> name)
    {
        var key = FieldText.Hash(name);
        if (key == _lastKey)
        {
            return;
        }

        _lastKey = key;
        if (!_names.ContainsKey(key))
        {
            _names[key] = System.Text.Encoding.UTF8.GetString(name);
        }
    }

    public void Merge(NameSet other)
    {
        foreach (var (k, v) in other._names)
        {
            _names.TryAdd(k, v);
        }
    }
}
