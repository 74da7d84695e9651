using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace TruceWatch.Ingest.Statements;

/// <summary>Finds counts in statement text: digits or number words (<c>22</c>, <c>двадцать два</c>, <c>по шесть</c>), with their place in the text.</summary>
public static class CountPhrases
{
    private static readonly string Words = string.Join('|', NumberWords.Forms.Select(Regex.Escape));

    /// <summary>The number word forms by their first letter (lower case), longest first, as the pattern of <see cref="Next"/> tries them.</summary>
    private static readonly FrozenDictionary<char, string[]> FormsByLetter = NumberWords.Forms
        .GroupBy(f => char.ToLowerInvariant(f[0]))
        .ToFrozenDictionary(g => g.Key, g => g.OrderByDescending(f => f.Length).ThenBy(f => f, StringComparer.Ordinal).ToArray());

    /// <summary>A count written just before a stop of a region list: ", пять перехвачены над", " и один БпЛА – над", ", по одному БПЛА над".</summary>
    public static readonly Regex ListStop = new(
        @"[.;:\n(]|\s-\s|\d|\b(?:над|over|в том числе|including|летевш\w*)\b|,\s*(?:(?:по|each)\s+)?(?:" + Words + @")(?!\p{L})|\s(?:и|and)\s+(?:(?:по|each)\s+)?(?:" + Words + @")(?!\p{L})",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>
    /// The first count in <paramref name="text"/> at or after <paramref name="start"/>, the text being the whole string (nothing before it is a letter,
    /// nothing after it either). A count is, not preceded by a letter: "по " or "each " (a count for each region named after it), optionally, then
    /// one to five digits not followed by a digit, "." or ":" (not a clock time), or one to three number words joined by spaces or hyphens; never
    /// followed by a letter. This is the pattern
    /// <c>(?&lt;!\p{L})(?&lt;each&gt;по\s+|each\s+)?(?&lt;n&gt;\d{1,5}(?![\d.:])|WORD(?:[\s-]+WORD){0,2})(?!\p{L})</c> (case-insensitive), scanned
    /// by hand: as a regular expression its alternation of some 300 word forms was tried at every word of every post (docs/benchmarks.md, run 11).
    /// </summary>
    public static CountMatch Next(ReadOnlySpan<char> text, int start)
    {
        for (var p = start; p < text.Length; p++)
        {
            if (p > 0 && char.IsLetter(text[p - 1]))
            {
                continue;
            }

            if (Each(text, p) is var afterEach and > 0 && Number(text, afterEach) is var eachLength and > 0)
            {
                return new CountMatch(p, afterEach - p + eachLength, true, afterEach, eachLength);
            }

            if (Number(text, p) is var length and > 0)
            {
                return new CountMatch(p, length, false, p, length);
            }
        }

        return default;
    }

    /// <summary>The last count in <paramref name="text"/> (a whole string, as for <see cref="Next"/>), or no match.</summary>
    public static CountMatch Last(ReadOnlySpan<char> text)
    {
        var last = default(CountMatch);
        for (var m = Next(text, 0); m.Success; m = Next(text, m.Index + m.Length))
        {
            last = m;
        }

        return last;
    }

    /// <summary>Where the count starts after "по " or "each " at <paramref name="p"/>, or 0.</summary>
    private static int Each(ReadOnlySpan<char> text, int p)
    {
        var word = text[p..].StartsWith("по", StringComparison.OrdinalIgnoreCase) ? 2 : text[p..].StartsWith("each", StringComparison.OrdinalIgnoreCase) ? 4 : 0;
        if (word == 0)
        {
            return 0;
        }

        var q = p + word;
        while (q < text.Length && char.IsWhiteSpace(text[q]))
        {
            q++;
        }

        return q > p + word ? q : 0;
    }

    /// <summary>The length of the number at <paramref name="p"/> (digits, or one to three number words), or 0.</summary>
    private static int Number(ReadOnlySpan<char> text, int p)
    {
        if (p >= text.Length)
        {
            return 0;
        }

        if (char.IsDigit(text[p]))
        {
            var q = p;
            while (q < text.Length && char.IsDigit(text[q]))
            {
                q++;
            }

            var next = q < text.Length ? text[q] : '\0';
            return q - p <= 5 && next is not ('.' or ':') && !char.IsLetter(next) ? q - p : 0;
        }

        var end = Word(text, p);
        if (end == 0)
        {
            return 0;
        }

        for (var words = 1; words < 3; words++)
        {
            var q = end;
            while (q < text.Length && (char.IsWhiteSpace(text[q]) || text[q] == '-'))
            {
                q++;
            }

            if (q == end || Word(text, q) is not (var further and > 0))
            {
                break;
            }

            end = further;
        }

        return end - p;
    }

    /// <summary>The end of the longest number word form at <paramref name="p"/> that no letter follows, or 0.</summary>
    private static int Word(ReadOnlySpan<char> text, int p)
    {
        if (p >= text.Length || !FormsByLetter.TryGetValue(char.ToLowerInvariant(text[p]), out var forms))
        {
            return 0;
        }

        var rest = text[p..];
        foreach (var form in forms)
        {
            if (rest.StartsWith(form, StringComparison.OrdinalIgnoreCase) && (rest.Length == form.Length || !char.IsLetter(rest[form.Length])))
            {
                return p + form.Length;
            }
        }

        return 0;
    }
}

/// <summary>A count <see cref="CountPhrases"/> found: where it is (with "по" when <see cref="Each"/>), and where its number is.</summary>
public readonly record struct CountMatch(int Index, int Length, bool Each, int NumberIndex, int NumberLength)
{
    public bool Success => Length > 0;

    /// <summary>The count's value (<c>двадцать два</c> → 22), or null when the words do not make a number.</summary>
    public int? Value(ReadOnlySpan<char> text) => NumberWords.Parse(text.Slice(NumberIndex, NumberLength).ToString());
}
