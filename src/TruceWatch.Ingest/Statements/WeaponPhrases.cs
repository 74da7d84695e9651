using System.Text.RegularExpressions;
using TruceWatch.Ingest.Catalog;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Finds the weapon a piece of statement text names: the catalog models it names (<c>Shahed-136/131</c>, <c>Х-101/Х-555</c>, <c>«Калібр»</c>),
/// else the class its words give (<c>крилаті ракети</c> → Cruise Missile, <c>БПЛА самолетного типа</c> → Fixed-wing UAV), else nothing.
/// Manned aircraft (<c>штурмовик Су-25</c>, <c>вертоліт Ка-52</c>) are no weapon of a strike and are reported as such.
/// </summary>
public sealed partial class WeaponPhrases
{
    private const string ChunkTrim = " .-+'";
    private const string Digits = "0123456789";
    private static readonly System.Buffers.SearchValues<char> DigitValues = System.Buffers.SearchValues.Create(Digits);
    private readonly Dictionary<string, WeaponEntry>.AlternateLookup<ReadOnlySpan<char>> _byAlias;
    private readonly int _longestAlias;

    /// <summary>The first two characters of every normalized alias: a cheap test that rules out nearly every word of a post before it is hashed.</summary>
    private readonly HashSet<int> _starts;

    public WeaponPhrases(WeaponCatalog weapons)
    {
        // The catalog's own index, keyed the same way (WeaponCatalog.Normalize), so that names can be looked up as slices of the text.
        var byAlias = new Dictionary<string, WeaponEntry>(StringComparer.Ordinal);
        foreach (var entry in weapons.Entries)
        {
            foreach (var alias in entry.Aliases.Append(entry.Name))
            {
                byAlias[WeaponCatalog.Normalize(alias)] = entry;
            }
        }

        _byAlias = byAlias.GetAlternateLookup<ReadOnlySpan<char>>();
        _longestAlias = byAlias.Keys.Max(k => k.Length);
        _starts = [.. byAlias.Keys.Select(k => Start(k))];
    }

    /// <summary>Catalog entries that stand for a class, not a model: reached through phrases only, never through a single word.</summary>
    private static readonly HashSet<string> Generic = new(StringComparer.Ordinal)
    {
        "Unknown UAV", "Unknown Missile", "Ballistic Missile", "Reconnaissance UAV", "Aerial Bomb", "Cruise Missile", "Guided Missile", "Fixed-wing UAV",
    };

    /// <summary>Class phrases, most specific first, and the generic catalog entry each gives.</summary>
    private static readonly (Regex Phrase, string Entry)[] Classes =
    [
        (Rx(@"балістичн|баллистическ|ballistic"), "Ballistic Missile"),
        (Rx(@"крилат|крылат|cruise|\bкр\b"), "Cruise Missile"),
        (Rx(@"керован\w*\s+авіаційн|авіаційн\w*\s+керован|управляем\w*\s+ракет|авиационн\w*\s+управляем|управляем\w*\s+авиационн\w*\s+ракет|guided\s+(?:air\s+|aircraft\s+)?missile|\bкар\b|\bкрп\b|противорадиолокационн|протирадіолокаційн|anti-radiation"), "Guided Missile"),
        (Rx(@"\bотр\b|оперативно-тактичн|розвідувальн|разведывательн|reconnaissance"), "Reconnaissance UAV"),
        (Rx(@"самолетного типа|fixed-wing"), "Fixed-wing UAV"),
        (Rx(@"бпла|бпла|безпілотн|беспилотн|\bдрон|\buavs?\b|drones?\b"), "Unknown UAV"),
        (Rx(@"ракет|missile"), "Unknown Missile"),
        (Rx(@"безэкипажн|безекіпажн|катер|unmanned\s+(?:surface\s+)?(?:boat|vessel)"), "Unmanned Surface Vessel"),
        (Rx(@"(?<!\p{L})(?:бомб|авіабомб|авиабомб)|\bbombs?\b"), "Aerial Bomb"),
    ];

    /// <summary>
    /// The weapon <paramref name="text"/> names, as the catalog's canonical names joined with " and " (<c>Kh-101 and Kalibr</c>), or null when it
    /// names none. <paramref name="aircraft"/> says the text names a manned aircraft and no weapon.
    /// </summary>
    public string? Find(string text, out bool aircraft)
    {
        var models = Models(text);
        aircraft = false;
        return models.Count > 0 ? string.Join(" and ", models) : FindClass(text, out aircraft);
    }

    /// <summary>The class <paramref name="text"/> names (<see cref="Find"/> for a text known to name no catalog model).</summary>
    public string? FindClass(string text, out bool aircraft)
    {
        aircraft = false;

        // "винищувач-бомбардувальник Су-34": a manned aircraft, unless the text also names a drone or a missile.
        if (Aircraft().IsMatch(text) && !Munition().IsMatch(text))
        {
            aircraft = true;
            return null;
        }

        foreach (var (phrase, entry) in Classes)
        {
            if (phrase.IsMatch(text))
            {
                return entry;
            }
        }

        return null;
    }

    /// <summary>The canonical names of the catalog models <paramref name="text"/> names, in the order named, each once.</summary>
    public IReadOnlyList<string> Models(string text)
    {
        // The candidates are slices of the text, normalized into a buffer and looked up by span: nothing is allocated unless a model is found.
        List<string>? found = null;
        Span<char> buffer = stackalloc char[_longestAlias + 1];
        foreach (var range in ChunkSeparator().EnumerateSplits(text))
        {
            var chunk = text.AsSpan(range).Trim(ChunkTrim);
            if (chunk.Length < 2)
            {
                continue;
            }

            Consider(chunk, [], buffer, ref found);
            var at = 0;
            var word = NextWord(chunk, ref at, out var wordStart);
            while (!word.IsEmpty)
            {
                var nextAt = at;
                var next = NextWord(chunk, ref nextAt, out var nextStart);
                if (!next.IsEmpty)
                {
                    // The pair of words as one name ("Х 59"): the words and the spaces between them, which normalizing drops.
                    Consider(chunk[wordStart..(nextStart + next.Length)], [], buffer, ref found);
                }

                Consider(word, [], buffer, ref found);
                if (word.Contains('/'))
                {
                    SlashParts(word, buffer, ref found);
                }

                word = next;
                wordStart = nextStart;
                at = nextAt;
            }
        }

        return found ?? (IReadOnlyList<string>)[];
    }

    /// <summary>Each part of a slash list, with the first part's letters lent to a bare number ("Х-101/555" → "Х-555").</summary>
    private void SlashParts(ReadOnlySpan<char> word, Span<char> buffer, ref List<string>? found)
    {
        ReadOnlySpan<char> prefix = default;
        var first = true;
        foreach (var range in word.Split('/'))
        {
            var part = word[range];
            if (part.IsEmpty)
            {
                continue;
            }

            if (first)
            {
                prefix = part.TrimEnd(Digits);
                first = false;
            }

            Consider(part, [], buffer, ref found);
            if (!part.ContainsAnyExcept(DigitValues))
            {
                Consider(prefix, part, buffer, ref found);
            }
        }
    }

    /// <summary>Looks up the name <paramref name="head"/> followed by <paramref name="tail"/>; a model not yet found and no class goes into <paramref name="found"/>.</summary>
    private void Consider(ReadOnlySpan<char> head, ReadOnlySpan<char> tail, Span<char> buffer, ref List<string>? found)
    {
        if (Normalize(head, tail, buffer) is not { } length || !_starts.Contains(Start(buffer[..length]))
            || !_byAlias.TryGetValue(buffer[..length], out var entry) || Generic.Contains(entry.Name))
        {
            return;
        }

        found ??= new List<string>(2);
        if (!found.Contains(entry.Name))
        {
            found.Add(entry.Name);
        }
    }

    /// <summary>
    /// <see cref="WeaponCatalog.Normalize"/> of <paramref name="head"/> + <paramref name="tail"/> written into <paramref name="buffer"/>: its length, or
    /// null when the name is blank or longer than any alias (then it names nothing).
    /// </summary>
    private static int? Normalize(ReadOnlySpan<char> head, ReadOnlySpan<char> tail, Span<char> buffer)
    {
        // WeaponCatalog.Normalize trims the whole name first: the start of the head (or of the tail, when the head is blank) and the end of the tail (or head).
        if (head.IsWhiteSpace())
        {
            head = tail;
            tail = default;
        }

        head = head.TrimStart();
        if (tail.IsWhiteSpace())
        {
            head = head.TrimEnd();
            tail = default;
        }
        else
        {
            tail = tail.TrimEnd();
        }

        if (head.IsEmpty)
        {
            return null;
        }

        var length = 0;
        return Append(head, buffer, ref length) && Append(tail, buffer, ref length) ? length : null;
    }

    private static bool Append(ReadOnlySpan<char> name, Span<char> buffer, ref int length)
    {
        foreach (var raw in name)
        {
            var c = char.ToLowerInvariant(raw);
            if (WeaponCatalog.Dropped(c))
            {
                continue;
            }

            if (length == buffer.Length)
            {
                return false;
            }

            buffer[length++] = WeaponCatalog.Folded(c);
        }

        return true;
    }

    private static int Start(ReadOnlySpan<char> normalized) => normalized.Length switch { 0 => -1, 1 => normalized[0], _ => (normalized[0] << 16) | normalized[1] };

    /// <summary>The next word of <paramref name="chunk"/> from <paramref name="at"/> (words are separated by spaces), and where it starts; empty at the end.</summary>
    private static ReadOnlySpan<char> NextWord(ReadOnlySpan<char> chunk, scoped ref int at, out int start)
    {
        while (at < chunk.Length && chunk[at] == ' ')
        {
            at++;
        }

        start = at;
        var space = chunk[at..].IndexOf(' ');
        at = space < 0 ? chunk.Length : at + space;
        return chunk[start..at];
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"[""(),;:]|\s(?:та|і|и|and)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChunkSeparator();

    [GeneratedRegex(@"бпла|безпілотн|беспилотн|ракет|снаряд|\buavs?\b|drone|missile", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Munition();

    [GeneratedRegex(@"штурмовик|винищувач|бомбардувальник|вертол|гелікоптер|літак|\bсу-?\s?\d|\bка-?\s?52|\bмі-?\s?\d|\bа-?\s?50|\bіл-?\s?\d|fighter|helicopter|aircraft|bomber|самолет|вертолет", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Aircraft();
}
