using System.Runtime.CompilerServices;

namespace TruceWatch.Ingest.Formats;

/// <summary>
/// Remembers what a field's text turned into, so that a value repeated across rows (a source, a party, a weapon, a target list) is
/// parsed and allocated once per file rather than once per row. Looked up by span: a hit allocates nothing. The value looked up last is
/// tried first, without hashing: a column of few values (a source, a party, a country) often repeats the row before.
/// </summary>
internal sealed class FieldCache<T>
{
    /// <summary>Distinct values kept; past this, new values are still parsed but no longer remembered (free-text columns).</summary>
    private const int Capacity = 4096;

    private readonly Dictionary<string, T> _map = new(StringComparer.Ordinal);
    private readonly Dictionary<string, T>.AlternateLookup<ReadOnlySpan<char>> _lookup;
    private readonly Func<string, T> _make;
    private string? _lastKey;
    private T _lastValue = default!;

    public FieldCache(Func<string, T> make)
    {
        _make = make;
        _lookup = _map.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public T Get(ReadOnlySpan<char> text)
    {
        if (_lastKey is { } last && text.SequenceEqual(last))
        {
            return _lastValue;
        }

        if (_lookup.TryGetValue(text, out var actualKey, out var value))
        {
            (_lastKey, _lastValue) = (actualKey, value);
            return value;
        }

        var key = text.ToString();
        value = _make(key);
        if (_map.Count < Capacity)
        {
            _map[key] = value;
        }

        (_lastKey, _lastValue) = (key, value);
        return value;
    }
}
