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
/// <c>occupied: include|exclude|only</c>.
/// </summary>
internal static partial class TermsPlaces
{
    private static readonly string[] Keys = ["country", "admin1", "beyond_km", "occupied", "sea"];
    private static readonly string[] DistanceKeys = ["from", "distance"];

    public static PlaceRule? Parse(YamlNode node, Func<string, string?>? regions, TermsDiagnostics errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(node.Start, "where must be a mapping of country, admin1, beyond_km and/or occupied");
            return null;
        }

        CheckKeys(map, Keys, "where", errors);
        if (Value(map, "sea") is { } sea)
        {
            errors.Add(sea.Start, "sea zones are not in the bundled map yet; name the coastal admin1 regions, or leave the clause without where");
        }

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

        if (countries is null && admin1 is null && beyond is null && occupied == OccupiedRule.Include)
        {
            errors.Add(map.Start, "where names no condition (country, admin1, beyond_km or occupied: exclude|only)");
        }

        return new PlaceRule(countries, admin1, beyond, occupied);
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
