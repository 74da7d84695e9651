using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TruceWatch.Core.Parties;
using TruceWatch.Ingest.Catalog;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Reads the Ukrainian Air Force's "destroyed" posts (in Ukrainian, or in English translation): a heading with the date and time, then
/// "ЗНИЩЕНО:" and one item a line ("- 28 ударних БПЛА «Shahed-136/131»", "- 1 керовану авіаційну ракету Х-59", "- шість ударних БПЛА",
/// "- штурмовик Су-25"). Every weapon item is a claim of that many destroyed (the intercepted stage); an item without a count is one;
/// manned aircraft are not strike weapons and give no claim. A post with no weapon item is not a strike report.
/// </summary>
internal sealed partial class AirForceStatements(WeaponPhrases weapons, WeaponCatalog catalog)
{
    public ExtractedStatement Read(Statement statement)
    {
        var text = StatementText.Clean(statement.Text);
        if (Destroyed().Match(text) is not { Success: true } destroyed)
        {
            return ExtractedStatement.Other(Core.Reports.IsoTime.Kyiv);
        }

        var heading = text[..destroyed.Index];
        var body = text[(destroyed.Index + destroyed.Length)..];
        if (Footer().Match(body) is { Success: true } footer)
        {
            body = body[..footer.Index];
        }

        var items = Items(body, out var asOf);
        var window = TimeWindows.AirForce(heading + "\n" + asOf, statement.PostedAt);
        var claims = new List<StatementClaim>(items.Count);
        foreach (var item in items)
        {
            foreach (var (count, what) in Split(item))
            {
                if (weapons.Find(what, out _) is not { } weapon)
                {
                    continue;
                }

                var i = claims.FindIndex(c => c.Weapon == weapon);
                if (i >= 0)
                {
                    claims[i] = claims[i] with { Intercepted = claims[i].Intercepted + count };
                }
                else
                {
                    claims.Add(new StatementClaim(PartyCode.Russia, weapon, catalog.InferMeans(weapon), null, null, count, null, [], []));
                }
            }
        }

        return claims.Count == 0
            ? ExtractedStatement.Other(Core.Reports.IsoTime.Kyiv)
            : new ExtractedStatement(StatementKind.StrikeReport, window, [.. claims]);
    }

    /// <summary>
    /// The items of the list: bulleted lines with the lines that continue them; without bullets (the Air Command's layout, a count on a line
    /// of its own), the blank-line-separated paragraphs. Lines giving the time ("станом на 17:00 08 травня") are returned in <paramref name="asOf"/>.
    /// </summary>
    private static List<string> Items(string body, out string asOf)
    {
        var lines = body.Split('\n');
        var items = new List<string>();
        asOf = "";
        var bulleted = lines.Any(l => Bullet().IsMatch(l));
        var current = "";
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (AsOf().IsMatch(line))
            {
                asOf += line + "\n";
                continue;
            }

            var starts = bulleted ? Bullet().IsMatch(line) : line.Length == 0;
            if (starts)
            {
                if (current.Trim().Length > 0)
                {
                    items.Add(current.Trim());
                }

                current = bulleted ? Bullet().Replace(line, "") : "";
            }
            else if (line.Length > 0 && (current.Length > 0 || !bulleted))
            {
                current += " " + line;
            }
        }

        if (current.Trim().Length > 0)
        {
            items.Add(current.Trim());
        }

        return items;
    }

    /// <summary>An item's count and text; "3 БПЛА «Орлан-10», «Зала» та один не встановленого типу" is two: 3 of the named types and 1 of unknown type.</summary>
    private static IEnumerable<(int Count, string What)> Split(string item)
    {
        var text = item;
        if (UnknownRest().Match(item) is { Success: true } rest && NumberWords.Parse(rest.Groups["n"].Value) is { } extra)
        {
            text = item[..rest.Index];
            var unknown = Drone().IsMatch(item) ? "БПЛА невідомого типу" : "ракета";
            yield return (extra, unknown);
        }

        var lead = CountPhrases.Next(text, 0);
        var count = lead.Success && lead.Index <= 2 && lead.Value(text) is { } n ? n : 1;
        yield return (count, lead.Success && lead.Index <= 2 ? text[(lead.Index + lead.Length)..] : text);
    }

    [GeneratedRegex(@"ЗНИЩЕНО(?:\s+ПОВІТРЯНИХ\s+ЦІЛЕЙ)?\s*:?|\bDESTROYED\s*:", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Destroyed();

    [GeneratedRegex(@"^\s*(?:Повітрян|Air Force|З ДНЕМ)|\bПовітряні\s+Сили\b", RegexOptions.IgnoreCase | RegexOptions.Multiline | RegexOptions.CultureInvariant)]
    private static partial Regex Footer();

    [GeneratedRegex(@"^\s*[-+•*]\s*")]
    private static partial Regex Bullet();

    [GeneratedRegex(@"станом|as of", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AsOf();

    [GeneratedRegex(@"\s(?:та|і|and)\s+(?<n>\p{L}+|\d+)\s+(?:\p{L}+\s+)?(?:не\s*встановленого|невстановленого|невідомого|unknown)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex UnknownRest();

    [GeneratedRegex(@"бпла|безпілотн|uav|drone", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Drone();
}
