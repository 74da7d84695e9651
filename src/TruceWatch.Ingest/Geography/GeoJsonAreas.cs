using System.Text.Json;
using NetTopologySuite.Geometries;

namespace TruceWatch.Ingest.Geography;

/// <summary>One polygonal feature of a GeoJSON FeatureCollection: its geometry on the km plane and its properties as text.</summary>
internal sealed record AreaFeature(Geometry Geometry, IReadOnlyDictionary<string, string> Properties);

/// <summary>
/// Reads the Polygon and MultiPolygon features of a GeoJSON FeatureCollection (WGS 84 lon/lat) onto the <see cref="KmPlane"/>. Only
/// what boundary files hold is supported; anything else is an error naming the feature.
/// </summary>
internal static class GeoJsonAreas
{
    public static IReadOnlyList<AreaFeature> Read(Stream json, string name, GeometryFactory factory)
    {
        using var document = JsonDocument.Parse(json);
        var features = new List<AreaFeature>();
        var index = 0;
        foreach (var feature in document.RootElement.GetProperty("features").EnumerateArray())
        {
            var geometry = feature.GetProperty("geometry");
            var type = geometry.GetProperty("type").GetString();
            var coordinates = geometry.GetProperty("coordinates");
            Geometry shape = type switch
            {
                "Polygon" => Polygon(coordinates, factory),
                "MultiPolygon" => factory.CreateMultiPolygon([.. coordinates.EnumerateArray().Select(p => Polygon(p, factory))]),
                _ => throw new InvalidDataException($"{name}: feature {index} is a {type}; only Polygon and MultiPolygon areas are read"),
            };

            // Hand-drawn layers (the front line) can self-touch; a zero buffer makes them valid for overlay operations.
            if (!shape.IsValid)
            {
                shape = shape.Buffer(0);
            }

            var properties = new Dictionary<string, string>(StringComparer.Ordinal);
            if (feature.TryGetProperty("properties", out var props) && props.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in props.EnumerateObject())
                {
                    properties[p.Name] = p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString()! : p.Value.GetRawText();
                }
            }

            features.Add(new AreaFeature(shape, properties));
            index++;
        }

        return features;
    }

    private static Polygon Polygon(JsonElement rings, GeometryFactory factory)
    {
        var linear = rings.EnumerateArray().Select(ring => factory.CreateLinearRing([.. ring.EnumerateArray().Select(c => KmPlane.ToPlane(c[0].GetDouble(), c[1].GetDouble()))])).ToArray();
        return factory.CreatePolygon(linear[0], linear[1..]);
    }
}
