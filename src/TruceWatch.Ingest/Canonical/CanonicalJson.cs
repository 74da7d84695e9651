using System.Text;
using System.Text.Json;
using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Canonical;

/// <summary>
/// Canonical reports written as JSON objects (GeoJSON properties, JSON Lines): their fields as text, checked against the canonical
/// columns, and the canonical CSV row they make, so the canonical reader's rules apply to JSON exactly as to CSV.
/// </summary>
internal static class CanonicalJson
{
    /// <summary>The object's fields as canonical column values (arrays joined with <c>;</c>), or <c>null</c> with the problem.</summary>
    public static Dictionary<string, string>? Values(JsonElement properties, out string? error)
    {
        error = null;
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var p in properties.EnumerateObject())
        {
            values[p.Name] = p.Value.ValueKind switch
            {
                JsonValueKind.String => p.Value.GetString()!,
                JsonValueKind.Number => p.Value.GetRawText(),
                JsonValueKind.Null => "",
                JsonValueKind.Array => string.Join(';', p.Value.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString() : e.GetRawText())),
                _ => p.Value.GetRawText(),
            };
        }

        var unknown = values.Keys.Where(k => !CanonicalColumns.All.Contains(k)).ToList();
        if (unknown.Count > 0)
        {
            error = $"unknown propert{(unknown.Count == 1 ? "y" : "ies")} {string.Join(", ", unknown)} (the canonical columns are {CanonicalColumns.Header})";
            return null;
        }

        return values;
    }

    /// <summary>The canonical CSV row of <paramref name="values"/>, quoted where needed.</summary>
    public static string Row(IReadOnlyDictionary<string, string> values)
    {
        var row = new StringBuilder();
        foreach (var column in CanonicalColumns.All)
        {
            if (row.Length > 0 || column != CanonicalColumns.All[0])
            {
                row.Append(',');
            }

            var value = values.GetValueOrDefault(column, "");
            row.Append(value.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value);
        }

        return row.ToString();
    }

    /// <summary>
    /// Reads one canonical row (from <see cref="Row"/>) through the canonical rules and carries the verdict over to the JSON record:
    /// accepted with <paramref name="payload"/> at <paramref name="number"/>, or rejected with the canonical reason and
    /// <paramref name="label"/> (<c>line</c>, <c>feature</c>) in place of the one-row CSV's own "line 2".
    /// </summary>
    public static ImportItem Judge(CanonicalCsvFormat canonical, string row, string payload, long number, string label, CancellationToken cancellationToken) =>
        canonical.Read(new StringReader(CanonicalColumns.Header + "\n" + row), cancellationToken).Single() switch
        {
            ImportItem.Accepted a => new ImportItem.Accepted(new ReportRecord(a.Record.Report, payload, number)),
            ImportItem.Rejected r => new ImportItem.Rejected(new QuarantinedRow(number,
                $"{label} {number}: {r.Row.Reason[(r.Row.Reason.IndexOf(": ", StringComparison.Ordinal) + 2)..]}", payload)),
            _ => throw new InvalidOperationException("an import item is accepted or rejected"),
        };
}
