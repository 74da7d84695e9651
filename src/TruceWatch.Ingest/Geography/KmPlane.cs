using NetTopologySuite.Geometries;
using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Geography;

/// <summary>
/// Longitude/latitude mapped onto a flat plane in kilometres (equirectangular, true at 48.5° N, the middle of Ukraine), so that NTS's
/// planar geometry measures distances in km. Containment is exact (the map is affine); a distance is off by at most a few per cent at
/// the edges of the region (44°–53° N), which the final great-circle check removes (see <see cref="Haversine"/>).
/// </summary>
internal static class KmPlane
{
    private const double KmPerDegreeLat = 110.574;
    private static readonly double KmPerDegreeLon = 111.320 * Math.Cos(48.5 * Math.PI / 180);

    public static Coordinate ToPlane(double lon, double lat) => new(X(lon), Y(lat));

    /// <summary>The plane's x (km) of a longitude, without allocating a coordinate.</summary>
    public static double X(double lon) => lon * KmPerDegreeLon;

    /// <summary>The plane's y (km) of a latitude.</summary>
    public static double Y(double lat) => lat * KmPerDegreeLat;

    public static Point ToPlane(GeoPoint p, GeometryFactory factory) => factory.CreatePoint(ToPlane(p.Lon, p.Lat));

    public static (double Lat, double Lon) FromPlane(Coordinate c) => (c.Y / KmPerDegreeLat, c.X / KmPerDegreeLon);

    /// <summary>Great-circle distance in km between two points given as (lat, lon) degrees.</summary>
    public static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double R = 6371.0088;
        var dLat = (lat2 - lat1) * Math.PI / 180;
        var dLon = (lon2 - lon1) * Math.PI / 180;
        var a = (Math.Sin(dLat / 2) * Math.Sin(dLat / 2)) + (Math.Cos(lat1 * Math.PI / 180) * Math.Cos(lat2 * Math.PI / 180) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2));
        return 2 * R * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }
}
