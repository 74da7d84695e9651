using TruceWatch.Core.Logic;

namespace TruceWatch.Core.Taxonomy;

/// <summary>
/// A lower-case dot path in a taxonomy (<c>energy.grid.substation</c>, <c>missile.cruise</c>).
/// A rule naming a prefix covers everything beneath it.
/// </summary>
public readonly record struct TaxonomyPath
{
    public string Value { get; }

    private TaxonomyPath(string value) => Value = value;

    /// <summary>Parses a dot path of lower-case ASCII segments (letters, digits, dashes); surrounding space is trimmed, case folded.</summary>
    public static bool TryParse(ReadOnlySpan<char> text, out TaxonomyPath path)
    {
        path = default;
        text = text.Trim();
        if (text.IsEmpty || text[0] == '.' || text[^1] == '.')
        {
            return false;
        }

        var previousDot = false;
        foreach (var c in text)
        {
            if (c == '.')
            {
                if (previousDot)
                {
                    return false;
                }

                previousDot = true;
                continue;
            }

            previousDot = false;
            if (!char.IsAsciiLetterOrDigit(c) && c != '-' && c != '_')
            {
                return false;
            }
        }

        path = new TaxonomyPath(text.ToString().ToLowerInvariant());
        return true;
    }

    public static TaxonomyPath Parse(string text) =>
        TryParse(text, out var path) ? path : throw new FormatException($"'{text}' is not a taxonomy path (dot-separated words, e.g. energy.grid).");

    /// <summary>True when this path equals <paramref name="prefix"/> or lies beneath it.</summary>
    public bool IsWithin(TaxonomyPath prefix) =>
        Value.Length == prefix.Value.Length
            ? string.Equals(Value, prefix.Value, StringComparison.Ordinal)
            : Value.Length > prefix.Value.Length && Value[prefix.Value.Length] == '.' && Value.StartsWith(prefix.Value, StringComparison.Ordinal);

    /// <summary>
    /// Whether a fact known to this precision falls under <paramref name="rule"/>: true when within it, unknown when the fact is
    /// coarser than the rule and could still fall under it (<c>missile</c> vs a rule on <c>missile.cruise</c>), false otherwise.
    /// </summary>
    public Tri Matches(TaxonomyPath rule)
    {
        if (IsWithin(rule))
        {
            return Tri.True;
        }

        return rule.IsWithin(this) ? Tri.Unknown : Tri.False;
    }

    /// <summary>The first segment (<c>energy</c> for <c>energy.grid</c>).</summary>
    public string Root
    {
        get
        {
            var dot = Value.IndexOf('.', StringComparison.Ordinal);
            return dot < 0 ? Value : Value[..dot];
        }
    }

    public override string ToString() => Value ?? "";
}
