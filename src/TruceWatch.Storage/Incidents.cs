using TruceWatch.Core.Incidents;

namespace TruceWatch.Storage;

/// <summary>Incidents from stored reports. Until grouping lands each report is its own incident, identified by the report's row id.</summary>
public static class Incidents
{
    public static async Task<IReadOnlyList<Incident>> LoadAsync(IReportStore store, ReportQuery query, CancellationToken cancellationToken = default)
    {
        var list = new List<Incident>();
        await foreach (var stored in store.ReportsAsync(query, cancellationToken).ConfigureAwait(false))
        {
            list.Add(Incident.FromReport(new IncidentId(stored.Id), stored.Report));
        }

        return list;
    }
}
