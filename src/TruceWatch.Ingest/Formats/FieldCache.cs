namespace TruceWatch.Ingest.Formats;

/// <summary>
/// Remembers what a field's text turned into, so that a value repeated across rows (a source, a party, a weapon, a target list) is
/// parsed and allocated once per file rather than once per row. Looked up by span: a hit allocates nothing.
/// </summary>
internal sealed class FieldCache<T>
{
    /// <summary>Distinct values kept; past this, new values are still parsed but no longer remembered (free-text columns).</summary>
    private const int Capacity = 4096;

    private readonly Dictionary<string, T> _map = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Func<string, T> _make;

    public FieldCache(Func<string, T> make)
    {
        _make = make;
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public T Get(ReadOnlySpan<char> text)
    {
        if (_lookup.TryGetValue(text, out var value))
        {
            return value;
        }

        var key = text.ToString();
        value = _make(key);
        if (_map.Count < Capacity)
        {
            _map[key] = value;
        }

        return value;
    }
}
