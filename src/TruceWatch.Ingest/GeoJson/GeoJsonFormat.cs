using System.Globalization;
using System.Text.Json;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;

namespace TruceWatch.Ingest.GeoJson;

/// <summary>
/// A GeoJSON FeatureCollection of reports: each feature's properties carry the canonical columns (docs/formats.md) and its Point
/// geometry gives lat/lon. Every feature is checked by the same rules as a canonical CSV row (it is read as one), so both formats mean the
/// same; a feature that breaks them is quarantined as <c>feature N</c> with its JSON. Other geometry types are quarantined: a report is
/// an event at a point, and a polygon's centre would be a place the source never named.
/// </summary>
public sealed class GeoJsonFormat(WeaponCatalog weapons) : IReportFormat
{
    private readonly CanonicalCsvFormat _canonical = new(weapons);

    public string Name => "geojson";

    public string DefaultSource => "geojson";

    /// <summary>A JSON object (the first line of a GeoJSON file is <c>{</c> or begins the object): no other format starts so.</summary>
    public bool Recognizes(string headerLine) => headerLine.TrimStart('\uFEFF', ' ', '\t').StartsWith('{');

    public IEnumerable<ImportItem> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(reader.ReadToEnd().TrimStart('\uFEFF'), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return [new ImportItem.Rejected(new QuarantinedRow(e.LineNumber is { } l ? l + 1 : 1, $"line {(e.LineNumber ?? 0) + 1}: not JSON: {e.Message}", ""))];
        }

        // GeoJSON is read whole (it is one JSON document), so the items are too; the document is released once they are made.
        return [.. ReadFeatures(document, cancellationToken)];
    }

    private IEnumerable<ImportItem> ReadFeatures(JsonDocument document, CancellationToken cancellationToken)
    {
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("type", out var type) || type.GetString() != "FeatureCollection"
                || !root.TryGetProperty("features", out var features) || features.ValueKind != JsonValueKind.Array)
            {
                yield return new ImportItem.Rejected(new QuarantinedRow(1, "feature 0: not a GeoJSON FeatureCollection with a features array", Truncate(root.GetRawText())));
                yield break;
            }

            var number = 0;
            foreach (var feature in features.EnumerateArray())
            {
                cancellationToken.ThrowIfCancellationRequested();
                number++;
                var payload = feature.GetRawText();
                if (ToCanonicalRow(feature, out var error) is not { } row)
                {
                    yield return Reject(number, error!, payload);
                    continue;
                }

                // One feature, one canonical row: the canonical reader applies every rule, and its verdict is carried over.
                yield return CanonicalJson.Judge(_canonical, row, payload, number, "feature", cancellationToken);
            }
        }
    }

    /// <summary>The feature as a canonical CSV row, or <c>null</c> with why it cannot be one.</summary>
    private static string? ToCanonicalRow(JsonElement feature, out string? error)
    {
        error = null;
        if (feature.ValueKind != JsonValueKind.Object || !feature.TryGetProperty("properties", out var properties) || properties.ValueKind != JsonValueKind.Object)
        {
            error = "not a Feature with a properties object";
            return null;
        }

        if (CanonicalJson.Values(properties, out error) is not { } values)
        {
            return null;
        }

        if (feature.TryGetProperty("geometry", out var geometry) && geometry.ValueKind == JsonValueKind.Object)
        {
            var kind = geometry.TryGetProperty("type", out var t) ? t.GetString() : null;
            if (kind != "Point")
            {
                error = $"geometry is a {kind ?? "thing without a type"}; a report is placed at a Point";
                return null;
            }

            var c = geometry.GetProperty("coordinates");
            if (c.GetArrayLength() < 2 || c[0].ValueKind != JsonValueKind.Number || c[1].ValueKind != JsonValueKind.Number)
            {
                error = "Point coordinates are not [longitude, latitude]";
                return null;
            }

            var lon = c[0].GetDouble().ToString("R", CultureInfo.InvariantCulture);
            var lat = c[1].GetDouble().ToString("R", CultureInfo.InvariantCulture);
            if ((values.TryGetValue("lat", out var givenLat) && givenLat.Length > 0 && !SameNumber(givenLat, lat))
                || (values.TryGetValue("lon", out var givenLon) && givenLon.Length > 0 && !SameNumber(givenLon, lon)))
            {
                error = $"geometry [{lon}, {lat}] and properties lat/lon ({values.GetValueOrDefault("lat")}, {values.GetValueOrDefault("lon")}) disagree";
                return null;
            }

            values["lat"] = lat;
            values["lon"] = lon;
        }

        return CanonicalJson.Row(values);
    }

    private static bool SameNumber(string a, string b) =>
        double.TryParse(a, NumberStyles.Float, CultureInfo.InvariantCulture, out var x) && double.TryParse(b, NumberStyles.Float, CultureInfo.InvariantCulture, out var y) && Math.Abs(x - y) < 1e-6;

    private static string Truncate(string text) => text.Length > 2000 ? text[..2000] + "…" : text;

    private static ImportItem Reject(int feature, string reason, string payload) =>
        new ImportItem.Rejected(new QuarantinedRow(feature, $"feature {feature}: {reason}", payload));
}
