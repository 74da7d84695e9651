namespace TruceWatch.Bench.Workload;

/// <summary>
/// SplitMix64: a tiny, fast, seedable generator whose output is fixed by its definition, not by a runtime version, so a seed names the
/// same workload on every machine and every .NET release.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong _state = seed;

    public ulong Next()
    {
        var z = _state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>Uniform in [0, <paramref name="n"/>).</summary>
    public int Below(int n) => (int)((Next() >> 33) % (ulong)n);

    /// <summary>Uniform in [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public int Between(int min, int max) => min + Below(max - min + 1);

    /// <summary>True with probability <paramref name="percent"/> / 100.</summary>
    public bool Percent(double percent) => (Next() >> 11) * (1.0 / (1UL << 53)) * 100 < percent;

    public double Unit() => (Next() >> 11) * (1.0 / (1UL << 53));
}
