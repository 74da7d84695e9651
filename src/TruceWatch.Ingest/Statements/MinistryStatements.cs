using System.Collections.Immutable;
using System.Text.RegularExpressions;
using TruceWatch.Core.Parties;
using TruceWatch.Ingest.Catalog;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Reads the Russian Ministry of Defence's air-defence posts (in Russian, or in English translation): "С 20.00 мск 10 апреля до 07.00 мск
/// 11 апреля дежурными средствами ПВО перехвачены и уничтожены 99 украинских беспилотных летательных аппаратов самолетного типа: 43 – над
/// акваторией Черного моря, 21 – над территорией Республики Крым…". The total is the first count after the mention of air defence; every
/// "над …" (over …) list after it is a region of the breakdown with the count just before it; what the breakdown leaves of the total (a post
/// cut short) is a claim without a region. "С применением шести БПЛА" is a count launched.
/// </summary>
internal sealed partial class MinistryStatements(WeaponPhrases weapons, RegionNames regions, WeaponCatalog catalog)
{
    public ExtractedStatement Read(Statement statement)
    {
        var text = StatementText.Clean(statement.Text);
        if (Digest().IsMatch(text) || AirDefence().Match(text) is not { Success: true } airDefence || !Destroyed().IsMatch(text, airDefence.Index))
        {
            return ExtractedStatement.Other(TimeWindows.MoscowZone);
        }

        var weapon = WeaponOf(text);
        if (weapon is null)
        {
            return ExtractedStatement.Other(TimeWindows.MoscowZone);
        }

        var window = TimeWindows.Moscow(text, statement.PostedAt);
        var start = airDefence.Index + airDefence.Length;
        if (Several(text, start) is { } several)
        {
            return new ExtractedStatement(StatementKind.StrikeReport, window, several);
        }

        var launched = Launched().Match(text) is { Success: true } l ? NumberWords.Parse(l.Groups["n"].Value) : null;
        var groups = Groups(text, start);
        var total = Total(text, start);

        var claims = new Claims(weapon, catalog.InferMeans(weapon));
        if (launched is { } n)
        {
            claims.Add(null, launched: n, intercepted: null, []);
        }

        if (groups.Count == 0)
        {
            claims.Add(null, null, total?.Value ?? (Singular().IsMatch(text, start) ? 1 : null), []);
        }
        else if (total is { } t && groups[0].CountAt == t.At)
        {
            // The first count after "ПВО" is the first region's, not a total ("один … уничтожен над акваторией Черного моря, пять … над Крымом").
            foreach (var g in groups)
            {
                claims.Add(g, g.Count ?? (groups.Count == 1 ? launched : null));
            }
        }
        else
        {
            var sum = 0;
            foreach (var g in groups)
            {
                var count = g.Count ?? (groups.Count == 1 ? total?.Value ?? launched : null);
                claims.Add(g, count);
                sum += (count ?? 0) * (g.Each ? g.Regions.Count : 1);
            }

            if (total is { Value: var all } && all > sum)
            {
                // The rest of the total: regions the post does not break down, or a list the snippet cut short.
                claims.Add(null, null, all - sum, []);
            }
        }

        var list = claims.Build(PartyCode.Ukraine);
        return list.IsEmpty ? ExtractedStatement.Other(TimeWindows.MoscowZone) : new ExtractedStatement(StatementKind.StrikeReport, window, list);
    }

    /// <summary>
    /// A post whose air-defence sentence counts weapons of several kinds, "четыре управляемые авиационные бомбы и две противорадиолокационные ракеты
    /// уничтожены", "сбиты 3 ракеты ATACMS и 25 БПЛА": a claim per kind, its weapon the model the post names for that kind (Hammer for the bombs)
    /// or else the kind the item's own words give. A single region list after it is every claim's. Null when the post counts one kind only.
    /// </summary>
    private ImmutableArray<StatementClaim>? Several(string text, int start)
    {
        var items = new List<(int Count, string Kind, int From, int To)>(2);
        for (var m = CountPhrases.Next(text, start); m.Success && !m.Each && m.Value(text) is { } count; m = CountPhrases.Next(text, items[^1].To))
        {
            if (KindNoun().Match(text, m.Index + m.Length) is not { Success: true } noun
                || (items.Count > 0 && !Joiner().IsMatch(text.AsSpan(items[^1].To, m.Index - items[^1].To))))
            {
                break;
            }

            items.Add((count, Kind(noun.Groups["noun"].Value), m.Index, noun.Index + noun.Length));
        }

        if (items.Count < 2 || items.DistinctBy(i => i.Kind).Count() < items.Count)
        {
            return null;
        }

        var models = weapons.Models(text);
        var groups = Groups(text, items[^1].To);
        RegionName? region = groups.Count == 1 && groups[0].Regions.Count == 1 ? groups[0].Regions[0] : null;
        IReadOnlyList<RegionName> regions = groups.Count == 1 && groups[0].Regions.Count > 1 ? groups[0].Regions : [];
        var claims = ImmutableArray.CreateBuilder<StatementClaim>(items.Count);
        foreach (var (count, kind, from, to) in items)
        {
            var ofKind = models.Where(model => catalog.InferMeans(model)?.Value.StartsWith(kind, StringComparison.Ordinal) == true).ToList();
            var weapon = ofKind.Count == 1 ? ofKind[0] : weapons.FindClass(text[from..to], out _);
            if (weapon is not null)
            {
                claims.Add(new StatementClaim(PartyCode.Ukraine, weapon, catalog.InferMeans(weapon), region, null, count, null, [.. regions], []));
            }
        }

        return claims.Count > 1 ? claims.ToImmutable() : null;
    }

    /// <summary>The means class a weapon noun names: bombs, missiles, drones, rockets.</summary>
    private static string Kind(string noun) => char.ToLowerInvariant(noun[0]) switch
    {
        'б' when noun.StartsWith("бомб", StringComparison.OrdinalIgnoreCase) => "bomb",
        'b' => "bomb",
        'р' or 'm' => "missile",
        'с' or 'r' => "artillery",
        _ => "drone",
    };

    private string? WeaponOf(string text) => weapons.Models(text) is { Count: > 0 } models ? string.Join(" and ", models) : weapons.FindClass(text, out _);

    /// <summary>The total: the first count after the mention of air defence that a weapon noun follows.</summary>
    private static (int Value, int At)? Total(string text, int start)
    {
        for (var m = CountPhrases.Next(text, start); m.Success; m = CountPhrases.Next(text, m.Index + m.Length))
        {
            var after = text.AsSpan(m.Index + m.Length, Math.Min(40, text.Length - m.Index - m.Length));
            if (WeaponNoun().IsMatch(after) && m.Value(text) is { } v && !m.Each)
            {
                return (v, m.Index);
            }
        }

        return null;
    }

    /// <summary>Every "над …" list after the start, each with the count written before it (since the previous list), merged when joined by "и".</summary>
    private List<Group> Groups(string text, int start)
    {
        var groups = new List<Group>();
        var boundary = start;
        foreach (Match over in Over().Matches(text, start))
        {
            if (over.Index < boundary)
            {
                continue;
            }

            var from = over.Index + over.Length;
            var stop = CountPhrases.ListStop.Match(text, from);
            var end = stop.Success ? stop.Index : text.Length;
            var truncated = !stop.Success;
            var named = truncated ? [] : regions.List(text[from..end]);
            var segment = text.AsSpan(boundary, over.Index - boundary);
            var count = CountPhrases.Last(segment);

            boundary = end;
            if (named.Count == 0)
            {
                continue;
            }

            if (!count.Success && groups.Count > 0 && Joiner().IsMatch(segment))
            {
                // "по шесть БПЛА – над территорией Курской области и над акваторией Азовского моря": one count, two lists.
                var last = groups[^1];
                groups[^1] = last with { Regions = [.. last.Regions, .. named] };
                continue;
            }

            var value = !count.Success ? (Singular().IsMatch(segment) ? 1 : null) : count.Value(segment);
            groups.Add(new Group(named, value, count.Each, !count.Success ? -1 : over.Index - segment.Length + count.Index));
        }

        return groups;
    }

    /// <summary>Claims keyed by region; counts for one region add up.</summary>
    private sealed class Claims(string weapon, Core.Taxonomy.TaxonomyPath? means)
    {
        private readonly List<(RegionName? Region, int? Launched, int? Intercepted, List<RegionName> Regions)> _claims = [];

        public void Add(Group g, int? count)
        {
            if (g.Each || g.Regions.Count == 1)
            {
                foreach (var r in g.Regions)
                {
                    Add(r, null, count, []);
                }
            }
            else
            {
                Add(null, null, count, g.Regions);
            }
        }

        public void Add(RegionName? region, int? launched, int? intercepted, IReadOnlyList<RegionName> regions)
        {
            var i = _claims.FindIndex(c => c.Region == region);
            if (i < 0)
            {
                _claims.Add((region, launched, intercepted, [.. regions]));
                return;
            }

            var c = _claims[i];
            c.Regions.AddRange(regions.Where(r => !c.Regions.Contains(r)));
            _claims[i] = (region, Sum(c.Launched, launched), Sum(c.Intercepted, intercepted), c.Regions);
        }

        public ImmutableArray<StatementClaim> Build(Core.Parties.PartyCode perpetrator) =>
            [.. _claims.Where(c => c.Launched is not null || c.Intercepted is not null || c.Regions.Count > 0 || c.Region is not null)
                .Select(c => new StatementClaim(perpetrator, weapon, means, c.Region, c.Launched, c.Intercepted, null, [.. c.Regions], []))];

        private static int? Sum(int? a, int? b) => a is null ? b : b is null ? a : a + b;
    }

    private sealed record Group(IReadOnlyList<RegionName> Regions, int? Count, bool Each, int CountAt);

    /// <summary>The weapon noun of a counted item, up to three words after its count ("управляемые авиационные бомбы"), and a model name after it ("ракеты ATACMS").</summary>
    [GeneratedRegex(@"\G\s+(?:украинск\w+\s+)?(?:[\p{L}-]+\s+){0,3}?(?<noun>(?:бомб|ракет|бпла|беспилот|снаряд)\w*|bombs?\b|missiles?\b|rockets?\b|uavs?\b|drones?\b)(?:\s+(?:«[^»]{1,30}»|""[^""]{1,30}""|(?!(?:and|over|were|was|in|on|by)\b)[a-z][a-z0-9-]+\b))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex KindNoun();

    [GeneratedRegex(@"главное за день|main events of the day", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Digest();

    [GeneratedRegex(@"\bПВО\b|противовоздушн\w*\s+обороны|air[\s-]defen[cs]e", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AirDefence();

    [GeneratedRegex(@"уничтож|перехвач|сбит|сбиты|intercept|destroy|shot down", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Destroyed();

    [GeneratedRegex(@"^\s*(?:-\s*)?(?:украинск\w+|ukrainian\s+)?\s*(?:беспилот|бпла|бпла|ракет|снаряд|бомб|катер|uavs?\b|drones?\b|missiles?\b|rockets?\b|fixed-wing)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeaponNoun();

    [GeneratedRegex(@"(?:[сc] применением|атак[уиа]|involving|using)\s+(?<n>\d+|\p{L}+(?:\s+\p{L}+)?)\s+(?:украинск\w+\s+)?(?:беспилот|бпла|бпла|ракет|снаряд|uav|drone|missile)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Launched();

    [GeneratedRegex(@"\bаппарат\b|\bракета\b|\bснаряд\b|\bбеспилотник\b|\b(?:a|one)\s+(?:ukrainian\s+)?(?:fixed-wing\s+)?(?:uav|drone|missile)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Singular();

    [GeneratedRegex(@"\b(?:над|over)\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Over();

    [GeneratedRegex(@"^\s*(?:,|и|and)?\s*$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Joiner();
}
