namespace TruceWatch.Ingest.Text;

/// <summary>
/// Finds many phrases in a text in one pass: at each word start it tries only the phrases that begin with that letter. Phrases match as
/// whole words (no letter or digit continues on either side, though a plural "s" may follow); acronyms (upper case, at most five
/// characters: TPP, KAB, NPP) match their case, everything else any case. Built once per phrase list: matching allocates nothing but
/// the result.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<char, (string Phrase, int Index, StringComparison Comparison)[]> _byFirst;

    /// <param name="phrases">The phrases; a match reports the phrase's position in this list.</param>
    public PhraseMatcher(IReadOnlyList<string> phrases)
    {
        _byFirst = phrases
            .Select((phrase, index) => (Phrase: phrase, Index: index, Comparison: IsAcronym(phrase) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase))
            .Where(p => p.Phrase.Length > 0)
            .GroupBy(p => char.ToLowerInvariant(p.Phrase[0]))
            .ToDictionary(g => g.Key, g => g.ToArray());
    }

    /// <summary>Every whole-word occurrence, as (phrase index, position), in text order.</summary>
    public List<(int Phrase, int At)> Matches(string text)
    {
        var found = new List<(int, int)>();
        for (var at = 0; at < text.Length; at++)
        {
            if ((at > 0 && char.IsLetterOrDigit(text[at - 1])) || !_byFirst.TryGetValue(char.ToLowerInvariant(text[at]), out var candidates))
            {
                continue;
            }

            foreach (var (phrase, index, comparison) in candidates)
            {
                var end = at + phrase.Length;
                if (end <= text.Length && text.AsSpan(at, phrase.Length).Equals(phrase, comparison) && EndsWord(text, end))
                {
                    found.Add((index, at));
                }
            }
        }

        return found;
    }

    /// <summary>The smallest index of a phrase that occurs, or -1.</summary>
    public int First(string text)
    {
        var first = -1;
        foreach (var (phrase, _) in Matches(text))
        {
            first = first < 0 ? phrase : Math.Min(first, phrase);
        }

        return first;
    }

    private static bool EndsWord(string text, int end) =>
        end >= text.Length || !char.IsLetterOrDigit(text[end]) || (text[end] == 's' && (end + 1 >= text.Length || !char.IsLetterOrDigit(text[end + 1])));

    private static bool IsAcronym(string phrase)
    {
        if (phrase.Length > 5)
        {
            return false;
        }

        foreach (var c in phrase)
        {
            if (char.IsLetter(c) && !char.IsUpper(c))
            {
                return false;
            }
        }

        return true;
    }
}
