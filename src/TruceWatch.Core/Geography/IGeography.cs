using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;

namespace TruceWatch.Core.Geography;

/// <summary>What a distance in the terms is measured from: the front line on the day, or the Ukraine–Russia state border.</summary>
public enum DistanceFrom
{
    FrontLine,
    Border,
}

/// <summary>
/// The map the judge consults for geographic conditions: regions, occupied territory and distances. Every answer that depends on
/// data the map does not have (a day before its first front-line snapshot, a point outside its regions) is unknown, never false.
/// </summary>
public interface IGeography
{
    /// <summary>The ISO 3166-2 code of the region (oblast, Russian border region) containing the point, or <c>null</c> when none does.</summary>
    string? RegionAt(GeoPoint point);

    /// <summary>Whether the point lay in occupied territory on <paramref name="day"/>.</summary>
    Tri Occupied(GeoPoint point, DateOnly day);

    /// <summary>The distance in kilometres from the point to the front line on <paramref name="day"/> or to the state border; <c>null</c> when unknown.</summary>
    double? DistanceKm(GeoPoint point, DistanceFrom from, DateOnly day);

    /// <summary>The area of occupied territory (km²) in the snapshot in force on <paramref name="day"/>; <c>null</c> before the first.</summary>
    double? OccupiedAreaKm2(DateOnly day);

    /// <summary>
    /// Whether a point known to within <paramref name="radiusKm"/> lies farther than <paramref name="km"/> from the line: true when
    /// its distance less the radius is more than <paramref name="km"/>, false when its distance plus the radius is at most
    /// <paramref name="km"/>, unknown between the two or when the distance is (<see cref="DistanceKm"/> is <c>null</c>). A map may answer
    /// from a prepared index without measuring, but always as the measured distance would.
    /// </summary>
    Tri Beyond(GeoPoint point, DistanceFrom from, DateOnly day, double km, double radiusKm) =>
        DistanceKm(point, from, day) is not { } distance ? Tri.Unknown
        : distance - radiusKm > km ? Tri.True
        : distance + radiusKm <= km ? Tri.False
        : Tri.Unknown;

    /// <summary>
    /// Whether a point known to within <paramref name="radiusKm"/> lies in one of the named seas (<see cref="Seas"/>): unknown when the
    /// coast (or a limit between seas) is within the radius, or when the map does not draw a sea named.
    /// </summary>
    Tri InSea(GeoPoint point, double radiusKm, IReadOnlyList<string> seas) => Tri.Unknown;

    /// <summary>Whether a point known to within <paramref name="radiusKm"/> lies in the corridor: unknown when its edge is within the radius.</summary>
    Tri InCorridor(GeoPoint point, double radiusKm, Corridor corridor) => Tri.Unknown;
}
