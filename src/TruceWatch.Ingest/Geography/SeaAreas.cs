using NetTopologySuite.Geometries;

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
