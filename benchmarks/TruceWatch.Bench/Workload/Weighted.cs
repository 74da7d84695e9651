namespace TruceWatch.Bench.Workload;

/// <summary>A discrete distribution: values with relative weights, drawn in O(log n).</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _values;
    private readonly int[] _cumulative;

    public Weighted(params (T Value, int Weight)[] entries)
    {
        _values = new T[entries.Length];
        _cumulative = new int[entries.Length];
        var total = 0;
        for (var i = 0; i < entries.Length; i++)
        {
            total += entries[i].Weight;
            _values[i] = entries[i].Value;
            _cumulative[i] = total;
        }
    }

    public IReadOnlyList<T> Values => _values;

    public T Draw(ref SplitMix64 random)
    {
        var x = random.Below(_cumulative[^1]);
        var i = Array.BinarySearch(_cumulative, x + 1);
        return _values[i >= 0 ? i : ~i];
    }
}
