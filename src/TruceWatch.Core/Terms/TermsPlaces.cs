using System.Globalization;
using System.Text.RegularExpressions;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Geography;
using YamlDotNet.RepresentationModel;
using static TruceWatch.Core.Terms.TermsNodes;

namespace TruceWatch.Core.Terms;

/// <summary>
/// Reads a <c>where</c> mapping of the terms into a <see cref="PlaceRule"/>: <c>country</c>, <c>admin1</c> (ISO 3166-2 codes, or names a
/// region resolver knows in English, Ukrainian or Russian), <c>beyond_km: {from: front-line|border, distance: N}</c> and
/// <c>occupied: include|exclude|only</c>, <c>sea: [black-sea, sea-of-azov]</c> and <c>corridor: [name]</c> (one of the agreement's
/// <c>corridors</c>).
/// </summary>
internal static partial class TermsPlaces
{
    private static readonly string[] Keys = ["country", "admin1", "beyond_km", "occupied", "sea", "corridor"];
    private static readonly string[] DistanceKeys = ["from", "distance"];

    public static PlaceRule? Parse(YamlNode node, Func<string, string?>? regions, TermsDiagnostics errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(node.Start, "where must be a mapping of country, admin1, beyond_km, occupied, sea and/or corridor");
            return null;
        }

        CheckKeys(map, Keys, "where", errors);
        var seas = Value(map, "sea") is { } seaNode ? SeaNames(seaNode, errors) : null;
        var corridors = Value(map, "corridor") is { } corridorNode ? CorridorRefs(corridorNode, errors) : null;

        var countries = Value(map, "country") is { } countryNode ? Countries(countryNode, errors) : null;
        var admin1 = Value(map, "admin1") is { } admin1Node ? Regions(admin1Node, regions, errors) : null;
        var beyond = Value(map, "beyond_km") is { } beyondNode ? Distance(beyondNode, errors) : null;
        var occupied = OccupiedRule.Include;
        if (Value(map, "occupied") is { } occupiedNode)
        {
            switch (Scalar(occupiedNode))
            {
                case "include": occupied = OccupiedRule.Include; break;
                case "exclude": occupied = OccupiedRule.Exclude; break;
                case "only": occupied = OccupiedRule.Only; break;
                default: errors.Add(occupiedNode.Start, $"occupied '{Scalar(occupiedNode)}' is not one of include, exclude, only"); break;
            }
        }

        if (countries is not null && admin1 is not null && admin1.Count > 0 && !admin1.Any(code => countries.Contains(code[..2], StringComparer.OrdinalIgnoreCase)))
        {
            errors.Warn(Value(map, "admin1")!.Start, $"none of admin1 [{string.Join(", ", admin1)}] lies in country [{string.Join(", ", countries)}], " +
                "so this can never hold; drop country or name regions of it");
        }

        if (countries is null && admin1 is null && beyond is null && occupied == OccupiedRule.Include && seas is null && corridors is null)
        {
            errors.Add(map.Start, "where names no condition (country, admin1, beyond_km, occupied: exclude|only, sea or corridor)");
        }

        return new PlaceRule(countries, admin1, beyond, occupied) { Seas = seas, Corridors = corridors };
    }

    /// <summary>Sea names; one the map does not draw is kept (the map answers unknown for it) and warned about with the nearest name.</summary>
    private static List<string>? SeaNames(YamlNode node, TermsDiagnostics errors)
    {
        if (node is YamlMappingNode)
        {
            errors.Add(node.Start, $"sea must name one or more seas (e.g. sea: [black-sea]; known: {string.Join(", ", Seas.Names)})");
            return null;
        }

        var list = new List<string>();
        foreach (var item in Items(node))
        {
            var text = Scalar(item)?.Trim().ToLowerInvariant();
            if (string.IsNullOrEmpty(text))
            {
                errors.Add(item.Start, $"sea must name one or more seas (known: {string.Join(", ", Seas.Names)})");
                continue;
            }

            if (!Seas.IsKnown(text))
            {
                errors.Warn(item.Start, $"sea '{text}' is not one the map draws, so it can never be shown to hold there (unknown at best); " +
                    $"{Suggest(text, Seas.Names)}known seas: {string.Join(", ", Seas.Names)}");
            }

            if (!list.Contains(text))
            {
                list.Add(text);
            }
        }

        return list;
    }

    /// <summary>Corridor names, resolved against the file's <c>corridors</c>; an undefined one is kept without an outline (unknown) and warned about.</summary>
    private static List<Corridor>? CorridorRefs(YamlNode node, TermsDiagnostics errors)
    {
        if (node is YamlMappingNode)
        {
            errors.Add(node.Start, "corridor must name one or more of the agreement's corridors (e.g. corridor: [odesa-grain-corridor])");
            return null;
        }

        var list = new List<Corridor>();
        foreach (var item in Items(node))
        {
            var name = Scalar(item)?.Trim();
            if (string.IsNullOrEmpty(name))
            {
                errors.Add(item.Start, "corridor must name one or more of the agreement's corridors");
                continue;
            }

            errors.CorridorsUsed.Add(name);
            if (errors.Corridors.TryGetValue(name, out var corridor))
            {
                list.Add(corridor);
                continue;
            }

            errors.Warn(item.Start, $"corridor '{name}' is not defined under corridors, so it can never be shown to hold (unknown at best); " +
                (errors.Corridors.Count == 0
                    ? "define it: corridors: [{ name: " + name + ", polygon: [[lon, lat], …] }]"
                    : $"{Suggest(name, errors.Corridors.Keys)}defined: {string.Join(", ", errors.Corridors.Keys)}"));
            list.Add(new Corridor(name, []));
        }

        return list;
    }

    /// <summary>"did you mean X? " for the known name nearest <paramref name="word"/>, when one is near enough to be a slip.</summary>
    private static string Suggest(string word, IEnumerable<string> names)
    {
        var best = names.Select(n => (Name: n, Distance: EditDistance(word, n))).OrderBy(x => x.Distance).FirstOrDefault();
        return best.Name is not null && best.Distance <= Math.Max(2, best.Name.Length / 3) ? $"did you mean {best.Name}? " : "";
    }

    private static int EditDistance(string a, string b)
    {
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (var j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            (previous, current) = (current, previous);
        }

        return previous[b.Length];
    }

    private static List<string> Countries(YamlNode node, TermsDiagnostics errors)
    {
        var list = new List<string>();
        foreach (var item in Items(node))
        {
            var text = Scalar(item)?.Trim().ToUpperInvariant();
            if (text is { Length: 2 } && text.All(char.IsAsciiLetterUpper))
            {
                list.Add(text);
            }
            else
            {
                errors.Add(item.Start, $"country '{Scalar(item)}' is not a two-letter code (UA, RU)");
            }
        }

        return list;
    }

    private static List<string> Regions(YamlNode node, Func<string, string?>? regions, TermsDiagnostics errors)
    {
        var list = new List<string>();
        foreach (var item in Items(node))
        {
            var text = Scalar(item)?.Trim() ?? "";
            if (IsoRegion().IsMatch(text))
            {
                list.Add(text.ToUpperInvariant());
            }
            else if (regions?.Invoke(text) is { } code)
            {
                list.Add(code);
            }
            else
            {
                errors.Add(item.Start, regions is null
                    ? $"admin1 '{text}' is not an ISO 3166-2 code (e.g. UA-63 for Kharkiv oblast)"
                    : $"admin1 '{text}' is neither an ISO 3166-2 code (e.g. UA-63) nor a region the gazetteer knows");
            }
        }

        return list;
    }

    private static DistanceRule? Distance(YamlNode node, TermsDiagnostics errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(node.Start, "beyond_km must be a mapping: { from: front-line, distance: 30 }");
            return null;
        }

        CheckKeys(map, DistanceKeys, "beyond_km", errors);

        DistanceFrom? from = Value(map, "from") is { } fromNode
            ? Scalar(fromNode) switch
            {
                "front-line" => DistanceFrom.FrontLine,
                "border" => DistanceFrom.Border,
                var other => Error<DistanceFrom?>(errors, fromNode, $"beyond_km from '{other}' is not one of front-line, border"),
            }
            : Error<DistanceFrom?>(errors, map, "beyond_km needs from (front-line or border)");
        double? km = Value(map, "distance") is { } distanceNode
            ? double.TryParse(Scalar(distanceNode), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && d > 0
                ? d
                : Error<double?>(errors, distanceNode, $"beyond_km distance '{Scalar(distanceNode)}' is not a positive number of kilometres")
            : Error<double?>(errors, map, "beyond_km needs distance (kilometres)");
        return from is { } f && km is { } k ? new DistanceRule(f, k) : null;
    }

    private static T? Error<T>(TermsDiagnostics errors, YamlNode at, string message)
    {
        errors.Add(at.Start, message);
        return default;
    }

    [GeneratedRegex("^[A-Za-z]{2}-[A-Za-z0-9]{1,3}$")]
    private static partial Regex IsoRegion();
}
