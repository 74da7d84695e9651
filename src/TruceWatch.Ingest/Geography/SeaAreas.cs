using System.Reflection;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO;

namespace TruceWatch.Ingest.Geography;

/// <summary>
/// The seas the map draws, as water: for each basin, its outline (<c>data/black-sea/basins.geojson</c>, drawn by hand over land, with the
/// limits between seas drawn exactly) less every bundled land region (the oblasts, the Russian border regions and the other coastal
/// regions of <c>data/black-sea/coast_regions.geojson</c>, all Natural Earth 1:10m). Of what is left, the largest piece is the sea; the
/// rest (lakes, slivers between regions) is dropped. So the coast is Natural Earth's, the same line the regions are drawn to.
/// </summary>
/// <remarks>
/// Only the regions whose envelope meets a basin's are taken from it: the others cannot overlap it, and the union of all the land, inland
/// regions included, cost ~0.5 s of CPU on the first sea question (a fifth of that this way). On the bundled data the water is vertex for
/// vertex the one drawn with all the land (<c>SeaAreaTests</c> checks it).
/// </remarks>
internal static class SeaAreas
{
    /// <summary>
    /// The water of each basin as drawn ahead of time (<c>data/black-sea/water/</c>, one WKB file per sea on the km plane, embedded), or
    /// <c>null</c> when a basin has none: drawing it costs an overlay of many regions (0.3–0.4 s of CPU, most of it compiling the overlay
    /// code) on the first sea question of every run. <c>SeaAreaTests</c> checks that the files are what <see cref="Build"/> draws.
    /// </summary>
    public static IReadOnlyDictionary<string, Geometry>? Drawn(IReadOnlyList<AreaFeature> basins, GeometryFactory factory)
    {
        var seas = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        var reader = new WKBReader();
        foreach (var basin in basins)
        {
            var name = basin.Properties.GetValueOrDefault("sea") ?? throw new InvalidDataException("a sea basin without a sea name");
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(WaterResource(name));
            if (stream is null)
            {
                return null;
            }

            seas[name] = factory.CreateGeometry(reader.Read(stream));
        }

        return seas;
    }

    /// <summary>The embedded resource holding a sea's water drawn ahead of time.</summary>
    public static string WaterResource(string sea) => $"TruceWatch.Ingest.Geography.water.{sea}.wkb";

    public static IReadOnlyDictionary<string, Geometry> Build(IReadOnlyList<AreaFeature> basins, IReadOnlyList<Geometry> land, GeometryFactory factory)
    {
        var seas = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        foreach (var basin in basins)
        {
            var name = basin.Properties.GetValueOrDefault("sea") ?? throw new InvalidDataException("a sea basin without a sea name");
            var envelope = basin.Geometry.EnvelopeInternal;
            var near = factory.BuildGeometry(land.Where(region => region.EnvelopeInternal.Intersects(envelope)).ToList()).Union();
            var water = basin.Geometry.Difference(near);
            Geometry? largest = null;
            for (var i = 0; i < water.NumGeometries; i++)
            {
                var piece = water.GetGeometryN(i);
                if (largest is null || piece.Area > largest.Area)
                {
                    largest = piece;
                }
            }

            seas[name] = largest ?? water;
        }

        return seas;
    }
}
