using TruceWatch.Core.Geography;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Geography;

namespace TruceWatch.Cli.Commands;

/// <summary>
/// The bundled map, loaded on its first question: a replay whose terms have no place rules never asks one, and need not parse the
/// front-line snapshots to count.
/// </summary>
internal sealed class LazyGeography : IGeography
{
    public static LazyGeography Bundled { get; } = new();

    private static IGeography Map => MapGeography.Bundled;

    public string? RegionAt(GeoPoint point) => Map.RegionAt(point);

    public Tri Occupied(GeoPoint point, DateOnly day) => Map.Occupied(point, day);

    public double? DistanceKm(GeoPoint point, DistanceFrom from, DateOnly day) => Map.DistanceKm(point, from, day);

    public double? OccupiedAreaKm2(DateOnly day) => Map.OccupiedAreaKm2(day);

    // Every member the map answers its own way must be passed on: the interface's defaults answer "unknown" for seas and corridors,
    // and measure where the map's prepared grids would not need to.
    public Tri Beyond(GeoPoint point, DistanceFrom from, DateOnly day, double km, double radiusKm) => Map.Beyond(point, from, day, km, radiusKm);

    public Tri InSea(GeoPoint point, double radiusKm, IReadOnlyList<string> seas) => Map.InSea(point, radiusKm, seas);

    public Tri InCorridor(GeoPoint point, double radiusKm, Corridor corridor) => Map.InCorridor(point, radiusKm, corridor);
}
