namespace TruceWatch.Core.Reports;

/// <summary>How precisely a source placed an event.</summary>
public enum PlacePrecision
{
    Unknown,
    Country,
    Admin1,
    Settlement,
    Point,
}

/// <summary>Text forms of <see cref="PlacePrecision"/> as stored and shown.</summary>
public static class PlacePrecisions
{
    public static string ToText(this PlacePrecision precision) => precision switch
    {
        PlacePrecision.Country => "country",
        PlacePrecision.Admin1 => "admin1",
        PlacePrecision.Settlement => "settlement",
        PlacePrecision.Point => "point",
        _ => "unknown",
    };

    public static PlacePrecision Parse(string? text) => text switch
    {
        "country" => PlacePrecision.Country,
        "admin1" => PlacePrecision.Admin1,
        "settlement" => PlacePrecision.Settlement,
        "point" => PlacePrecision.Point,
        _ => PlacePrecision.Unknown,
    };
}

/// <summary>A WGS 84 point.</summary>
public readonly record struct GeoPoint
{
    public GeoPoint(double lat, double lon)
    {
        if (double.IsNaN(lat) || lat is < -90 or > 90)
        {
            throw new ArgumentOutOfRangeException(nameof(lat), lat, "Latitude must lie in [-90, 90].");
        }

        if (double.IsNaN(lon) || lon is < -180 or > 180)
        {
            throw new ArgumentOutOfRangeException(nameof(lon), lon, "Longitude must lie in [-180, 180].");
        }

        Lat = lat;
        Lon = lon;
    }

    public double Lat { get; }

    public double Lon { get; }
}

/// <summary>Where an event happened, as far as a source said: country, first-level region, place name, point, and the precision of the best of them.</summary>
public sealed record Place(string? Country, string? Admin1, string? Name, GeoPoint? Point, PlacePrecision Precision)
{
    public static readonly Place Unknown = new(null, null, null, null, PlacePrecision.Unknown);

    /// <summary>A place whose precision is that of the finest part given.</summary>
    public static Place Of(string? country, string? admin1, string? name, GeoPoint? point) =>
        new(Blank(country), Blank(admin1), Blank(name), point,
            point is not null ? PlacePrecision.Point
            : !string.IsNullOrWhiteSpace(name) ? PlacePrecision.Settlement
            : !string.IsNullOrWhiteSpace(admin1) ? PlacePrecision.Admin1
            : !string.IsNullOrWhiteSpace(country) ? PlacePrecision.Country
            : PlacePrecision.Unknown);

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
