using System.Text.RegularExpressions;
using TruceWatch.Ingest.Catalog;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Finds the weapon a piece of statement text names: the catalog models it names (<c>Shahed-136/131</c>, <c>Х-101/Х-555</c>, <c>«Калібр»</c>),
/// else the class its words give (<c>крилаті ракети</c> → Cruise Missile, <c>БПЛА самолетного типа</c> → Fixed-wing UAV), else nothing.
/// Manned aircraft (<c>штурмовик Су-25</c>, <c>вертоліт Ка-52</c>) are no weapon of a strike and are reported as such.
/// </summary>
public sealed partial class WeaponPhrases(WeaponCatalog weapons)
{
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
        (Rx(@"керован\w*\s+авіаційн|авіаційн\w*\s+керован|управляем\w*\s+ракет|авиационн\w*\s+управляем|управляем\w*\s+авиационн\w*\s+ракет|guided\s+(?:air\s+|aircraft\s+)?missile|\bкар\b|\bкрп\b"), "Guided Missile"),
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
        if (models.Count > 0)
        {
            return string.Join(" and ", models);
        }

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
        var found = new List<string>(2);
        foreach (var candidate in Candidates(text))
        {
            if (weapons.Find(candidate) is { } entry && !Generic.Contains(entry.Name) && !found.Contains(entry.Name))
            {
                found.Add(entry.Name);
            }
        }

        return found;
    }

    /// <summary>
    /// The strings that may be a model name: each quoted or comma-separated chunk, each word and pair of words ("Х 59"), and each part of a
    /// slash list, with the first part's letters lent to a bare number ("Х-101/555" → "Х-555").
    /// </summary>
    private static IEnumerable<string> Candidates(string text)
    {
        foreach (var raw in ChunkSeparator().Split(text))
        {
            var chunk = raw.Trim(' ', '.', '-', '+', '\'');
            if (chunk.Length < 2)
            {
                continue;
            }

            yield return chunk;
            var words = chunk.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (var i = 0; i < words.Length; i++)
            {
                if (i + 1 < words.Length)
                {
                    yield return words[i] + " " + words[i + 1];
                }

                yield return words[i];
                if (!words[i].Contains('/', StringComparison.Ordinal))
                {
                    continue;
                }

                var parts = words[i].Split('/', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length == 0)
                {
                    continue;
                }

                var prefix = parts[0].TrimEnd("0123456789".ToCharArray());
                foreach (var part in parts)
                {
                    yield return part;
                    if (part.All(char.IsAsciiDigit))
                    {
                        yield return prefix + part;
                    }
                }
            }
        }
    }

    private static Regex Rx(string pattern) => new(pattern, RegexOptions.IgnoreCase | RegexOptions.CultureInvariant | RegexOptions.Compiled);

    [GeneratedRegex(@"[""(),;:]|\s(?:та|і|и|and)\s", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ChunkSeparator();

    [GeneratedRegex(@"бпла|безпілотн|беспилотн|ракет|снаряд|\buavs?\b|drone|missile", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Munition();

    [GeneratedRegex(@"штурмовик|винищувач|бомбардувальник|вертол|гелікоптер|літак|\bсу-?\s?\d|\bка-?\s?52|\bмі-?\s?\d|\bа-?\s?50|\bіл-?\s?\d|fighter|helicopter|aircraft|bomber|самолет|вертолет", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Aircraft();
}
