using NetTopologySuite.Geometries;

namespace TruceWatch.Ingest.Geography;

/// <summary>
/// The seas the map draws, as water: for each basin, its outline (<c>data/black-sea/basins.geojson</c>, drawn by hand over land, with the
/// limits between seas drawn exactly) less every bundled land region (the oblasts, the Russian border regions and the other coastal
/// regions of <c>data/black-sea/coast_regions.geojson</c>, all Natural Earth 1:10m). Of what is left, the largest piece is the sea; the
/// rest (lakes, slivers between regions) is dropped. So the coast is Natural Earth's, the same line the regions are drawn to.
/// </summary>
internal static class SeaAreas
{
    public static IReadOnlyDictionary<string, Geometry> Build(IReadOnlyList<AreaFeature> basins, Geometry land)
    {
        var seas = new Dictionary<string, Geometry>(StringComparer.Ordinal);
        foreach (var basin in basins)
        {
            var name = basin.Properties.GetValueOrDefault("sea") ?? throw new InvalidDataException("a sea basin without a sea name");
            var water = basin.Geometry.Difference(land);
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
