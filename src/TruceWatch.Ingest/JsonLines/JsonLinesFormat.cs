using System.Text.Json;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;

namespace TruceWatch.Ingest.JsonLines;

/// <summary>
/// JSON Lines of canonical reports, for pipelines: one JSON object a line with the canonical columns as fields (arrays joined with
/// <c>;</c>). Each line is checked by the canonical rules (it is read as a canonical row); a bad line is quarantined with its number.
/// Streams: one line at a time.
/// </summary>
public sealed class JsonLinesFormat(WeaponCatalog weapons) : IReportFormat
{
    private readonly CanonicalCsvFormat _canonical = new(weapons);

    public string Name => "jsonl";

    public string DefaultSource => "jsonl";

    /// <summary>A whole JSON object on the first line that names a report's source (GeoJSON begins an object that never closes there).</summary>
    public bool Recognizes(string headerLine)
    {
        var line = headerLine.TrimStart('\uFEFF').Trim();
        return line.StartsWith('{') && line.EndsWith('}') && line.Contains("\"source\"", StringComparison.Ordinal) && !line.Contains("\"FeatureCollection\"", StringComparison.Ordinal);
    }

    public IEnumerable<ImportItem> Read(TextReader reader, CancellationToken cancellationToken = default)
    {
        long line = 0;
        while (reader.ReadLine() is { } text)
        {
            cancellationToken.ThrowIfCancellationRequested();
            line++;
            if (line == 1)
            {
                text = text.TrimStart('\uFEFF');
            }

            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            yield return ReadLine(text, line, cancellationToken);
        }
    }

    private ImportItem ReadLine(string text, long line, CancellationToken cancellationToken)
    {
        string? row;
        string? error;
        try
        {
            using var document = JsonDocument.Parse(text);
            row = document.RootElement.ValueKind != JsonValueKind.Object
                ? Fail("not a JSON object", out error)
                : CanonicalJson.Values(document.RootElement, out error) is { } values ? CanonicalJson.Row(values) : null;
        }
        catch (JsonException e)
        {
            row = Fail($"not JSON: {e.Message}", out error);
        }

        if (row is null)
        {
            return Rejects.At(line, error!, text);
        }

        return CanonicalJson.Judge(_canonical, row, text, line, "line", cancellationToken);
    }

    private static string? Fail(string message, out string? error)
    {
        error = message;
        return null;
    }
}
