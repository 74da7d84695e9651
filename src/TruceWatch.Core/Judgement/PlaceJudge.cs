using System.Globalization;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Judgement;

/// <summary>
/// Judges the place conditions of the terms (<see cref="PlaceRule"/>) against an incident, with the map when one is given. What the
/// report does not say, or the map cannot tell, is unknown, never false. A point is only as good as its precision: a settlement is
/// taken to lie within <see cref="SettlementKm"/> of its point, and a distance or occupation that the uncertainty straddles is unknown.
/// </summary>
internal static class PlaceJudge
{
    /// <summary>How far an event placed only at a settlement may be from that settlement's point.</summary>
    public const double SettlementKm = 10;

    /// <summary>The map's own precision: the front line is drawn to about a kilometre.</summary>
    private const double MapKm = 1;

    public static Tri Evaluate(Incident incident, PlaceRule rule, IGeography? map) => Evaluate(incident.Place, incident.Time, rule, map);

    /// <summary>The rule on a place and a time: all of an incident that <see cref="Evaluate(Incident, PlaceRule, IGeography?)"/> reads.</summary>
    public static Tri Evaluate(Place place, ReportedTime time, PlaceRule rule, IGeography? map)
    {
        var day = Day(time);
        var value = Tri.True;
        if (rule.Countries is { } countries)
        {
            value = Kleene.And(value, Country(place, countries, map));
        }

        if (rule.Admin1 is { } regions && value != Tri.False)
        {
            value = Kleene.And(value, Admin1(place, regions, map));
        }

        if (rule.Beyond is { } beyond && value != Tri.False)
        {
            value = Kleene.And(value, Beyond(place, day, beyond, map));
        }

        if (rule.Occupied != OccupiedRule.Include && value != Tri.False)
        {
            value = Kleene.And(value, Occupation(place, day, rule.Occupied, map));
        }

        if (rule.Seas is { } seas && value != Tri.False)
        {
            value = Kleene.And(value, Sea(place, seas, map));
        }

        if (rule.Corridors is { } corridors && value != Tri.False)
        {
            value = Kleene.And(value, InCorridors(place, corridors, map));
        }

        return value;
    }

    public static Tri Trace(Incident incident, PlaceRule rule, IGeography? map, List<ConditionTrace> into)
    {
        var value = Tri.True;
        var where = Describe(incident.Place);
        if (rule.Countries is { } countries)
        {
            var v = Country(incident.Place, countries, map);
            into.Add(new ConditionTrace("where.country", v, $"[{string.Join(", ", countries)}]", "place", incident.Place.Country ?? where));
            value = Kleene.And(value, v);
        }

        if (rule.Admin1 is { } regions)
        {
            var v = Admin1(incident.Place, regions, map);
            into.Add(new ConditionTrace("where.admin1", v, $"[{string.Join(", ", regions)}]", "place", incident.Place.Admin1 ?? where));
            value = Kleene.And(value, v);
        }

        if (rule.Beyond is { } beyond)
        {
            var v = Beyond(incident.Place, Day(incident.Time), beyond, map);
            string? measured = null;
            if (map is not null && incident.Place.Point is { } point && Uncertainty(incident.Place) is not null && Day(incident.Time) is { } day
                && map.DistanceKm(point, beyond.From, day) is { } km)
            {
                measured = string.Create(CultureInfo.InvariantCulture,
                    $"{where}: {km:0.#} km from the {(beyond.From == DistanceFrom.Border ? "state border" : $"front line of {day:yyyy-MM-dd}")}");
            }

            into.Add(new ConditionTrace("where.beyond_km", v, beyond.ToString(), "place", measured ?? where));
            value = Kleene.And(value, v);
        }

        if (rule.Occupied != OccupiedRule.Include)
        {
            var v = Occupation(incident.Place, Day(incident.Time), rule.Occupied, map);
            string? found = null;
            if (map is not null && incident.Place.Point is not null && Day(incident.Time) is { } day)
            {
                var state = rule.Occupied == OccupiedRule.Exclude ? Kleene.Not(v) : v;
                found = $"{where}: {(state switch { Tri.True => "occupied", Tri.False => "not occupied", _ => "on the front line" })} on {day:yyyy-MM-dd}";
            }

            into.Add(new ConditionTrace("where.occupied", v, rule.Occupied == OccupiedRule.Exclude ? "not in occupied territory" : "in occupied territory", "place", found ?? where));
            value = Kleene.And(value, v);
        }

        if (rule.Seas is { } seas)
        {
            var v = Sea(incident.Place, seas, map);
            var found = incident.Place.Point is null || map is null ? where
                : $"{where}: {(v switch { Tri.True => "at sea", Tri.False => "not in these seas", _ => "on the coast, or too imprecise to tell" })}";
            into.Add(new ConditionTrace("where.sea", v, $"in [{string.Join(", ", seas)}]", "place", found));
            value = Kleene.And(value, v);
        }

        if (rule.Corridors is { } corridors)
        {
            var v = InCorridors(incident.Place, corridors, map);
            var found = incident.Place.Point is null || map is null ? where
                : $"{where}: {(v switch { Tri.True => "inside", Tri.False => "outside", _ => "on the edge, or too imprecise to tell" })}";
            into.Add(new ConditionTrace("where.corridor", v, $"in [{string.Join(", ", corridors)}]", "place", found));
            value = Kleene.And(value, v);
        }

        return value;
    }

    private static Tri Country(Place place, IReadOnlyList<string> countries, IGeography? map)
    {
        var country = place.Country ?? (place.Point is { } p && map?.RegionAt(p) is { } region ? region[..2] : null);
        return country is null ? Tri.Unknown : countries.Contains(country, StringComparer.OrdinalIgnoreCase) ? Tri.True : Tri.False;
    }

    private static Tri Admin1(Place place, IReadOnlyList<string> regions, IGeography? map)
    {
        var region = place.Admin1 ?? (place.Point is { } p && place.Precision >= PlacePrecision.Settlement ? map?.RegionAt(p) : null);
        return region is null ? Tri.Unknown : regions.Contains(region, StringComparer.OrdinalIgnoreCase) ? Tri.True : Tri.False;
    }

    private static Tri Beyond(Place place, DateOnly? on, DistanceRule rule, IGeography? map) =>
        map is null || place.Point is not { } point || Uncertainty(place) is not { } radius || on is not { } day
            ? Tri.Unknown
            : map.Beyond(point, rule.From, day, rule.Km, radius);

    private static Tri Occupation(Place place, DateOnly? on, OccupiedRule rule, IGeography? map)
    {
        if (map is null || place.Point is not { } point || Uncertainty(place) is not { } radius || on is not { } day)
        {
            return Tri.Unknown;
        }

        var occupied = map.Occupied(point, day);

        // Close enough to the line (not beyond the radius) that the event may have been on either side of it.
        if (occupied != Tri.Unknown && map.Beyond(point, DistanceFrom.FrontLine, day, radius, 0) == Tri.False)
        {
            occupied = Tri.Unknown;
        }

        return rule == OccupiedRule.Exclude ? Kleene.Not(occupied) : occupied;
    }

    private static Tri Sea(Place place, IReadOnlyList<string> seas, IGeography? map) =>
        map is null || place.Point is not { } point || Uncertainty(place) is not { } radius
            ? Tri.Unknown
            : map.InSea(point, radius, seas);

    private static Tri InCorridors(Place place, IReadOnlyList<Corridor> corridors, IGeography? map)
    {
        if (map is null || place.Point is not { } point || Uncertainty(place) is not { } radius)
        {
            return Tri.Unknown;
        }

        var value = Tri.False;
        foreach (var corridor in corridors)
        {
            value = Kleene.Or(value, map.InCorridor(point, radius, corridor));
        }

        return value;
    }

    /// <summary>How far the event may lie from its point, or <c>null</c> when the point stands for a whole region or country.</summary>
    private static double? Uncertainty(Place place) => place.Precision switch
    {
        PlacePrecision.Point => MapKm,
        PlacePrecision.Settlement => SettlementKm + MapKm,
        _ => null,
    };

    /// <summary>The day whose front line applies: the day the event began (UTC).</summary>
    private static DateOnly? Day(ReportedTime time) =>
        time.Earliest is { } earliest ? DateOnly.FromDateTime(earliest.UtcDateTime) : null;

    private static string Describe(Place place) =>
        place.Point is { } p
            ? string.Create(CultureInfo.InvariantCulture, $"{p.Lat:0.####},{p.Lon:0.####} ({place.Precision.ToText()})")
            : place.Name ?? place.Admin1 ?? place.Country ?? "unknown place";
}
