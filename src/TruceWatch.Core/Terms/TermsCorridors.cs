using System.Globalization;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Reports;
using YamlDotNet.RepresentationModel;
using static TruceWatch.Core.Terms.TermsNodes;

namespace TruceWatch.Core.Terms;

/// <summary>
/// Reads the agreement's <c>corridors</c>: named areas the terms draw themselves, each an outline of [lon, lat] pairs (GeoJSON order),
/// that <c>where: { corridor: [name] }</c> refers to.
/// </summary>
internal static class TermsCorridors
{
    private static readonly string[] Keys = ["name", "polygon", "note"];

    /// <summary>The longest outline read; a corridor is a few points, not a coastline.</summary>
    public const int MaxPoints = 1_000;

    public static Dictionary<string, Corridor> Parse(YamlNode node, TermsDiagnostics errors)
    {
        var corridors = new Dictionary<string, Corridor>(StringComparer.Ordinal);
        foreach (var map in Mappings(node, nonEmpty: false, "corridors must be a list of { name, polygon: [[lon, lat], …] }",
            "each corridor must be a mapping with name and polygon", Keys, "corridor", errors))
        {
            var nameNode = Value(map, "name");
            var name = nameNode is null ? null : Scalar(nameNode);
            if (nameNode is null)
            {
                errors.Add(map.Start, "corridor needs a name (lower-case words joined by dashes)");
            }
            else if (name is null || name.Length == 0 || !char.IsAsciiLetterLower(name[0]) || !name.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
            {
                errors.Add(nameNode.Start, $"corridor name '{name}' must be lower-case words joined by dashes (e.g. odesa-grain-corridor)");
                name = null;
            }
            else if (corridors.ContainsKey(name) || Seas.IsKnown(name))
            {
                errors.Add(nameNode.Start, $"corridor name '{name}' is used twice{(Seas.IsKnown(name) ? " (it is the name of a sea)" : "")}");
                name = null;
            }

            var ring = Value(map, "polygon") is { } polygonNode ? Ring(polygonNode, errors) : Error(errors, map, "corridor needs a polygon: [[lon, lat], [lon, lat], [lon, lat], …]");
            if (name is not null && ring is not null)
            {
                corridors[name] = new Corridor(name, ring);
            }
        }

        return corridors;
    }

    private static List<GeoPoint>? Ring(YamlNode node, TermsDiagnostics errors)
    {
        if (node is not YamlSequenceNode seq)
        {
            return Error(errors, node, "polygon must be a list of [lon, lat] pairs");
        }

        if (seq.Children.Count > MaxPoints)
        {
            return Error(errors, seq.Children[MaxPoints], $"polygon has {seq.Children.Count} points; at most {MaxPoints} are read");
        }

        var ring = new List<GeoPoint>();
        var ok = true;
        foreach (var pair in seq.Children)
        {
            if (pair is not YamlSequenceNode { Children.Count: 2 } lonLat
                || !double.TryParse(Scalar(lonLat.Children[0]), NumberStyles.Float, CultureInfo.InvariantCulture, out var lon)
                || !double.TryParse(Scalar(lonLat.Children[1]), NumberStyles.Float, CultureInfo.InvariantCulture, out var lat))
            {
                errors.Add(pair.Start, "each polygon point must be a [lon, lat] pair of numbers in degrees (e.g. [30.7, 46.4])");
                ok = false;
                continue;
            }

            if (lon is < -180 or > 180 || lat is < -90 or > 90 || !double.IsFinite(lon) || !double.IsFinite(lat))
            {
                errors.Add(pair.Start, $"[{Scalar(lonLat.Children[0])}, {Scalar(lonLat.Children[1])}] is not a [lon, lat] pair: longitude runs −180…180, latitude −90…90" +
                    (lat is >= -180 and <= 180 && lon is >= -90 and <= 90 ? " (are the two swapped? GeoJSON order is longitude first)" : ""));
                ok = false;
                continue;
            }

            ring.Add(new GeoPoint(lat, lon));
        }

        // GeoJSON closes a ring by repeating its first point; either way is accepted.
        if (ring.Count > 1 && ring[0] == ring[^1])
        {
            ring.RemoveAt(ring.Count - 1);
        }

        if (ok && ring.Distinct().Count() < 3)
        {
            return Error(errors, node, "polygon needs at least three distinct points");
        }

        if (ok && Crossing(ring) is var (a, b) && a >= 0)
        {
            errors.Warn(seq.Children[a].Start, $"the polygon's edge from point {a + 1} crosses its edge from point {b + 1}: the outline is not a simple ring, " +
                "and the map reads it as the area it encloses, which may not be what was meant; list the points in order around the area");
        }

        return ok ? ring : null;
    }

    /// <summary>The first two edges (by their first point's index) that cross each other, or (−1, −1) when the ring is simple.</summary>
    private static (int, int) Crossing(List<GeoPoint> ring)
    {
        var n = ring.Count;
        for (var i = 0; i < n; i++)
        {
            for (var j = i + 2; j < n; j++)
            {
                if (i == 0 && j == n - 1)
                {
                    continue; // the closing edge shares its point with the first
                }

                if (Cross(ring[i], ring[(i + 1) % n], ring[j], ring[(j + 1) % n]))
                {
                    return (i, j);
                }
            }
        }

        return (-1, -1);
    }

    private static bool Cross(GeoPoint p1, GeoPoint p2, GeoPoint q1, GeoPoint q2)
    {
        static double Side(GeoPoint a, GeoPoint b, GeoPoint c) => ((b.Lon - a.Lon) * (c.Lat - a.Lat)) - ((b.Lat - a.Lat) * (c.Lon - a.Lon));
        double d1 = Side(q1, q2, p1), d2 = Side(q1, q2, p2), d3 = Side(p1, p2, q1), d4 = Side(p1, p2, q2);
        return ((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0));
    }

    private static List<GeoPoint>? Error(TermsDiagnostics errors, YamlNode at, string message)
    {
        errors.Add(at.Start, message);
        return null;
    }
}
