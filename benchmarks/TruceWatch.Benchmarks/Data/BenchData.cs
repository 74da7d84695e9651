using TruceWatch.Core.Incidents;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;

namespace TruceWatch.Benchmarks.Data;

/// <summary>Shared set-up for the suites: the synthetic CSV, its parsed items and incidents.</summary>
internal static class BenchData
{
    /// <summary>Rows per benchmark invocation. A constant because OperationsPerInvoke must be one.</summary>
    public const int Rows = 1_000_000;

    public static CanonicalCsvFormat Format { get; } = new(WeaponCatalog.Bundled);

    /// <summary>Parses every row, failing loudly if any is rejected: a benchmark of the reject path would measure something else.</summary>
    public static List<ImportItem> ParseAll(string csv)
    {
        var items = new List<ImportItem>(Rows);
        foreach (var item in Format.Read(new StringReader(csv)))
        {
            if (item is ImportItem.Rejected r)
            {
                throw new InvalidOperationException($"synthetic row rejected: {r.Row.Reason} — {r.Row.Payload}");
            }

            items.Add(item);
        }

        return items;
    }

    public static Incident[] Incidents(IReadOnlyList<ImportItem> items)
    {
        var incidents = new Incident[items.Count];
        for (var i = 0; i < items.Count; i++)
        {
            incidents[i] = Incident.FromReport(new IncidentId(i + 1), ((ImportItem.Accepted)items[i]).Record.Report);
        }

        return incidents;
    }
}
