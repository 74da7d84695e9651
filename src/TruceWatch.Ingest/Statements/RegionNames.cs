using System.Collections.Frozen;
using System.Text.RegularExpressions;
using TruceWatch.Ingest.Gazetteer;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Turns the region phrases of a statement ("Белгородской области", "над Белгородской областью", "Краснодарского края", "Республики Крым",
/// "Черного моря", "Bryansk region") into regions: the phrase is put back into the nominative, then looked up in the gazetteer; a name the
/// gazetteer lacks (the seas, "Московский регион" for the city and oblast together) is kept as its nominative name.
/// </summary>
public sealed partial class RegionNames(OblastGazetteer oblasts)
{
    /// <summary>Head nouns in any case, and their nominative; the gender decides how the adjective before them is put back.</summary>
    private static readonly (string Stem, string Nominative, char Gender)[] Heads =
    [
        ("област", "область", 'f'), ("республик", "Республика", 'f'), ("кра", "край", 'm'), ("регион", "регион", 'm'),
        ("мор", "море", 'n'), ("полуостров", "полуостров", 'm'), ("округ", "округ", 'm'),
        ("region", "region", 'x'), ("oblast", "oblast", 'x'),
    ];

    /// <summary>Names the gazetteer does not hold but the statements use for its regions.</summary>
    private static readonly FrozenDictionary<string, string> Extra = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
    {
        ["Крымский полуостров"] = "UA-43", ["Крым"] = "UA-43", ["Crimean peninsula"] = "UA-43",

        // The regional centres of the border regions, as "над Брянском" names them (nominative, genitive, instrumental): the region they lie in.
        ["Брянск"] = "RU-BRY", ["Брянска"] = "RU-BRY", ["Брянском"] = "RU-BRY",
        ["Белгород"] = "RU-BEL", ["Белгорода"] = "RU-BEL", ["Белгородом"] = "RU-BEL",
        ["Курск"] = "RU-KRS", ["Курска"] = "RU-KRS", ["Курском"] = "RU-KRS",
        ["Воронеж"] = "RU-VOR", ["Воронежа"] = "RU-VOR", ["Воронежем"] = "RU-VOR",
        ["Ростов-на-Дону"] = "RU-ROS", ["Ростова-на-Дону"] = "RU-ROS", ["Ростовом-на-Дону"] = "RU-ROS",
        ["Краснодар"] = "RU-KDA", ["Краснодара"] = "RU-KDA", ["Краснодаром"] = "RU-KDA",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>Sea areas, by any case form, and the name they are kept under.</summary>
    private static readonly (string Pattern, string Name)[] Seas =
    [
        ("черн", "Черное море"), ("азовск", "Азовское море"), ("каспийск", "Каспийское море"), ("балтийск", "Балтийское море"),
        ("black sea", "Black Sea"), ("sea of azov", "Sea of Azov"), ("azov sea", "Sea of Azov"), ("caspian", "Caspian Sea"), ("baltic", "Baltic Sea"),
    ];

    /// <summary>
    /// The regions of a list as written after "над" / "over": items split at commas and "и"/"and", the head noun of a plural list
    /// ("Курской, Белгородской и Ростовской областей") shared by every item. Words such as "территорией" and "акваторией" are skipped.
    /// </summary>
    public IReadOnlyList<RegionName> List(string text)
    {
        var cleaned = TrailingJoiner().Replace(Filler().Replace(text, " ").Trim(' ', ',', '.', '-', '"'), "");
        var items = ListSeparator().Split(cleaned).Select(i => i.Trim(' ', '"', '.', ',')).Where(i => i.Length > 1).ToList();
        var result = new List<RegionName>(items.Count);
        string? sharedHead = null;
        for (var i = items.Count - 1; i >= 0; i--)
        {
            // Walk backwards: "Брянской, Белгородской ... областей" gives "областей" to the items before it.
            var item = items[i];
            var head = HeadOf(item);
            if (head is null && sharedHead is not null && !item.Contains(' ', StringComparison.Ordinal))
            {
                item = item + " " + sharedHead;
            }
            else if (head is null && OblastAdjective().IsMatch(item))
            {
                // "шесть БпЛА над территорией Ростовской области и три над территорией Белгородской": the noun left out is "области".
                item += " области";
            }
            else if (head is not null)
            {
                sharedHead = head;
            }

            if (Resolve(item) is { } region)
            {
                result.Add(region);
            }
        }

        result.Reverse();
        return result;
    }

    /// <summary>One region phrase in any case (<c>Белгородской области</c>, <c>Республики Крым</c>, <c>Kursk region</c>); null when it names no region.</summary>
    public RegionName? Resolve(string phrase)
    {
        var text = phrase.Trim().Replace('ё', 'е').Replace('Ё', 'Е');
        if (text.Length < 3 || !char.IsLetter(text[0]))
        {
            return null;
        }

        var lower = text.ToLowerInvariant();
        foreach (var (pattern, name) in Seas)
        {
            if (lower.Contains(pattern, StringComparison.Ordinal) && (lower.Contains("мор", StringComparison.Ordinal) || lower.Contains("sea", StringComparison.Ordinal)))
            {
                return new RegionName(name, null);
            }
        }

        var nominative = Nominative(text);
        if (Extra.TryGetValue(nominative, out var code) || Extra.TryGetValue(text, out code))
        {
            return Coded(oblasts.ByCode(code)!);
        }

        if (oblasts.Resolve(nominative) is { } region)
        {
            return Coded(region);
        }

        // An unknown name is kept only when it looks like a region ("Орловская область", "Московский регион"), never a stray word.
        return HeadOf(text) is not null || lower.EndsWith(" region", StringComparison.Ordinal) || lower.EndsWith(" oblast", StringComparison.Ordinal)
            ? new RegionName(nominative, text.Any(c => c is >= 'а' and <= 'я') ? "RU" : null)
            : null;
    }

    /// <summary>Puts a Russian region phrase back into the nominative: "Белгородской области" → "Белгородская область", "Республики Крым" → "Республика Крым".</summary>
    public static string Nominative(string phrase)
    {
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        // The last head names the region: "Истринского городского округа Московской области" is Moscow oblast, not the district.
        var headAt = Array.FindLastIndex(words, w => HeadEntry(w) is not null);
        if (headAt < 0)
        {
            return phrase.Trim();
        }

        // "Шебекинского района Белгородской области": only the adjective and its head name the region.
        if (headAt > 1)
        {
            words = words[(headAt - 1)..];
            headAt = 1;
        }

        var (_, nominative, gender) = HeadEntry(words[headAt])!.Value;
        var result = new string[words.Length];
        for (var i = 0; i < words.Length; i++)
        {
            result[i] = i == headAt ? (gender != 'x' && (i == 0 || char.IsUpper(words[i][0])) ? Capital(nominative) : nominative)
                : i == headAt - 1 && gender != 'x' ? Adjective(words[i], gender)
                : words[i];
        }

        var name = string.Join(' ', result);
        return Capital(name);
    }

    private static string? HeadOf(string item) =>
        item.Split(' ', StringSplitOptions.RemoveEmptyEntries) is { Length: > 1 } words && HeadEntry(words[^1]) is { } head ? head.Nominative : null;

    private static (string Stem, string Nominative, char Gender)? HeadEntry(string word)
    {
        var w = word.ToLowerInvariant();
        foreach (var head in Heads)
        {
            // "кра" must be the whole stem of края/краем/краев/край, not the start of "Краснодарского".
            var ok = head.Stem == "кра" ? w is "края" or "краем" or "краев" or "край" or "краях"
                : head.Stem == "мор" ? w is "моря" or "морем" or "море" or "морей"
                : w.StartsWith(head.Stem, StringComparison.Ordinal) && w.Length <= head.Stem.Length + 3;
            if (ok)
            {
                return head;
            }
        }

        return null;
    }

    /// <summary>An adjective in the genitive, dative or instrumental put back into the nominative of the head's gender.</summary>
    private static string Adjective(string word, char gender)
    {
        string[] endings = ["ого", "ому", "ым", "им", "ой", "ою", "ей", "ую", "ая", "ий", "ый", "ое", "ее"];
        foreach (var ending in endings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.OrdinalIgnoreCase))
            {
                var stem = word[..^ending.Length];
                var soft = stem[^1] is 'к' or 'г' or 'х' or 'ж' or 'ш' or 'ч' or 'щ';
                return gender switch
                {
                    'f' => stem + (ending is "ей" ? "яя" : "ая"),
                    'n' => stem + "ое",
                    _ => stem + (soft || ending is "им" ? "ий" : "ый"),
                };
            }
        }

        return word;
    }

    private static string Capital(string s) => s.Length == 0 ? s : char.ToUpperInvariant(s[0]) + s[1..];

    private static RegionName Coded(Region region) => new(region.Code, region.Country);

    [GeneratedRegex(@"\b(?:над|over|the|территори(?:ей|ями|и|ях)|акватори(?:ей|ями|и|й)|territor(?:y|ies)\s+of|waters\s+of)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    [GeneratedRegex(@"^\p{Lu}\p{Ll}+(?:ской|цкой)$", RegexOptions.CultureInvariant)]
    private static partial Regex OblastAdjective();

    [GeneratedRegex(@"(?:\s+(?:и|and|та|і))+\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TrailingJoiner();

    [GeneratedRegex(@",\s*|\s+(?:и|and|та|і)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ListSeparator();
}
