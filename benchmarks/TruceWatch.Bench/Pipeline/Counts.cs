namespace TruceWatch.Bench.Pipeline;

/// <summary>
/// Verdict counts keyed as text so any engine's result can be compared with any other's: <c>scorecard|agreement|party|verdict</c> and
/// <c>daily|agreement|yyyy-MM-dd|party|verdict</c>. Sorted, so a difference is easy to read.
/// </summary>
public sealed class Counts
{
    public SortedDictionary<string, long> Values { get; } = new(StringComparer.Ordinal);

    public void Add(string key, long n)
    {
        Values[key] = Values.GetValueOrDefault(key) + n;
    }

    /// <summary>Adds one row of a grouped result: its scorecard cell and its daily cell.</summary>
    public void AddGroup(string agreement, string party, string day, string verdict, long n)
    {
        Add($"scorecard|{agreement}|{party}|{verdict}", n);
        Add($"daily|{agreement}|{day}|{party}|{verdict}", n);
    }

    public long Total(string prefix) => Values.Where(kv => kv.Key.StartsWith(prefix, StringComparison.Ordinal)).Sum(kv => kv.Value);

    /// <summary>Every key whose count differs between the two, with both counts (absent = 0); empty when they agree.</summary>
    public static List<string> Differences(Counts expected, Counts actual, string expectedName, string actualName)
    {
        var differences = new List<string>();
        foreach (var key in expected.Values.Keys.Union(actual.Values.Keys).Order(StringComparer.Ordinal))
        {
            var e = expected.Values.GetValueOrDefault(key);
            var a = actual.Values.GetValueOrDefault(key);
            if (e != a)
            {
                differences.Add($"{key}: {expectedName} {e}, {actualName} {a}");
            }
        }

        return differences;
    }
}
