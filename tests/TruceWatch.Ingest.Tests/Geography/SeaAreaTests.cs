using NetTopologySuite.Geometries;
using NetTopologySuite.IO;
using Shouldly;
using TruceWatch.Ingest.Geography;
using Xunit;

namespace TruceWatch.Ingest.Tests.Geography;

/// <summary>
/// The seas are drawn from the land regions near each basin only, and ahead of time into <c>data/black-sea/water/</c>: both must be the
/// water drawn from all the land, vertex for vertex, or the coast the judge measures from would move.
/// </summary>
public sealed class SeaAreaTests
{
    [Fact]
    public void The_water_drawn_from_the_regions_near_each_basin_is_the_water_drawn_from_all_the_land()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 0);
        var basins = Resource("basins.geojson", factory);
        var land = new[] { "ukraine_oblasts.geojson", "russia_border_regions.geojson", "coast_regions.geojson" }
            .SelectMany(name => Resource(name, factory)).Select(area => area.Geometry).ToList();
        var allLand = factory.BuildGeometry(land).Union();

        var seas = SeaAreas.Build(basins, land, factory);

        seas.Count.ShouldBe(basins.Count);
        foreach (var basin in basins)
        {
            var water = basin.Geometry.Difference(allLand);
            var largest = Enumerable.Range(0, water.NumGeometries).Select(water.GetGeometryN).MaxBy(piece => piece.Area)!;
            var sea = basin.Properties["sea"];
            seas[sea].EqualsExact(largest).ShouldBeTrue($"{sea}: {seas[sea].NumPoints:N0} points drawn from the regions nearby, {largest.NumPoints:N0} from all the land");
        }
    }

    [Fact]
    public void The_water_drawn_ahead_of_time_is_the_water_the_regions_give()
    {
        var factory = new GeometryFactory(new PrecisionModel(), 0);
        var basins = Resource("basins.geojson", factory);
        var land = new[] { "ukraine_oblasts.geojson", "russia_border_regions.geojson", "coast_regions.geojson" }
            .SelectMany(name => Resource(name, factory)).Select(area => area.Geometry).ToList();
        var seas = SeaAreas.Build(basins, land, factory);

        var drawn = SeaAreas.Drawn(basins, factory);

        var stale = seas.Where(sea => drawn?.GetValueOrDefault(sea.Key) is not { } water || !water.EqualsExact(sea.Value)).Select(sea => sea.Key).ToList();
        if (stale.Count > 0)
        {
            // Regions or basins changed: write what they give now, for data/black-sea/water/.
            var folder = Directory.CreateTempSubdirectory("trucewatch-water-").FullName;
            foreach (var (sea, water) in seas)
            {
                File.WriteAllBytes(Path.Combine(folder, sea + ".wkb"), new WKBWriter().Write(water));
            }

            stale.ShouldBeEmpty($"the embedded water of these seas is not what the regions give; copy {folder}/*.wkb to data/black-sea/water/");
        }
    }

    private static IReadOnlyList<AreaFeature> Resource(string name, GeometryFactory factory)
    {
        using var stream = typeof(MapGeography).Assembly.GetManifestResourceStream("TruceWatch.Ingest.Geography." + name).ShouldNotBeNull();
        return GeoJsonAreas.Read(stream, name, factory);
    }
}
