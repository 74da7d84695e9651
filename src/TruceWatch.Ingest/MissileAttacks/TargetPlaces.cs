using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Gazetteer;

namespace TruceWatch.Ingest.MissileAttacks;

/// <summary>
/// Turns the <c>target</c> column (<c>Odesa oblast</c>, <c>Kryvyi Rih</c>, <c>Dnipropetrovsk oblast, Dnipro Raion</c>, <c>south</c>,
/// <c>Kyiv oblast and Sumy oblast</c>) into a place. The text always survives in <see cref="Place.Name"/> when it says more than a region.
/// </summary>
internal sealed class TargetPlaces(OblastGazetteer oblasts, RaionGazetteer raions)
{
    // Areas the Air Force names instead of a region: Ukraine as a whole and its directions.
    private static readonly HashSet<string> CountryWide = new(StringComparer.OrdinalIgnoreCase)
    {
        "Ukraine", "Україна", "Украина", "north", "south", "east", "west", "center", "centre", "north-east", "north-west", "south-east",
        "south-west", "northeast", "northwest", "southeast", "southwest", "front line", "frontline",
    };

    /// <summary>
    /// One region → Admin1. A city → its region and the city as written (Settlement). <c>Region, Detail</c> (a raion, a sea area) →
    /// Admin1 with the detail as the name: the precision enum has no raion level, and Settlement would claim a fix the source did not give.
    /// Several areas joined with " and " → Admin1 when they all lie in one region, else the country with the text as the name. Anything
    /// else (a direction, "Ukraine", an unknown name) → the country, with the text as the name. An empty target is Ukraine: every row of
    /// this data set is an attack the Ukrainian Air Force reported.
    /// </summary>
    public Place Resolve(string target)
    {
        if (target.Length == 0)
        {
            return Place.Of("UA", null, null, null);
        }

        var parts = target.Split(" and ", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (parts.Length <= 1)
        {
            return Part(target) ?? new Place("UA", null, target, null, PlacePrecision.Country);
        }

        var admin1s = new HashSet<string?>(StringComparer.Ordinal);
        var countries = new HashSet<string>(StringComparer.Ordinal);
        foreach (var text in parts)
        {
            var part = Part(text);
            admin1s.Add(part?.Admin1);
            if (part?.Country is { } country)
            {
                countries.Add(country);
            }
        }

        if (admin1s.Count == 1 && admin1s.Single() is { } admin1)
        {
            return new Place(countries.Single(), admin1, target, null, PlacePrecision.Admin1);
        }

        // Parts in Ukraine and in Russia ("Sumy oblast and Kursk oblast"): no one country holds the place.
        return countries.Count > 1
            ? new Place(null, null, target, null, PlacePrecision.Unknown)
            : new Place(countries.SingleOrDefault() ?? "UA", null, target, null, PlacePrecision.Country);
    }

    private Place? Part(string text)
    {
        if (CountryWide.Contains(text))
        {
            return new Place("UA", null, text, null, PlacePrecision.Country);
        }

        // "Kyiv oblast (south)": the region, with the whole text as the name since the gazetteer has no field for the rest.
        var head = text;
        var parenthesis = text.IndexOf('(', StringComparison.Ordinal);
        if (parenthesis > 0 && text.EndsWith(')'))
        {
            head = text[..parenthesis].TrimEnd();
        }

        string? detail = null;
        var comma = head.IndexOf(',', StringComparison.Ordinal);
        if (comma > 0)
        {
            detail = head[(comma + 1)..].Trim();
            head = head[..comma].TrimEnd();
        }

        if (detail is null && head == text && oblasts.ResolveCity(head) is { } city)
        {
            return Place.Of(city.Region.Country, city.Region.Code, text, null);
        }

        if (oblasts.Resolve(head) is { } region)
        {
            // The name is the detail below the region ("Dnipro Raion"), else the text as the source wrote it ("Mykolaiv oblast").
            var name = detail is { Length: > 0 } ? detail : text;
            return new Place(region.Country, region.Code, name, null, PlacePrecision.Admin1);
        }

        // "Dnipro Raion" alone: the oblast the raion lies in, the raion as the name.
        if (detail is null && raions.Resolve(head) is { } raion)
        {
            return new Place(raion.Oblast.Country, raion.Oblast.Code, text, null, PlacePrecision.Admin1);
        }

        // "Hvardiiske, Crimea": a place the gazetteer does not know, in a region it does.
        if (detail is { Length: > 0 } && oblasts.Resolve(detail) is { } outer)
        {
            return Place.Of(outer.Country, outer.Code, head, null);
        }

        return null;
    }
}
