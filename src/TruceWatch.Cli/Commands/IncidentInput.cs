using TruceWatch.Core.Incidents;
using TruceWatch.Storage;

namespace TruceWatch.Cli.Commands;

/// <summary>Where <c>assess</c> and <c>replay</c> take incidents from: a report file (<c>--reports</c>) or the store (<c>--db</c>).</summary>
internal static class IncidentInput
{
    /// <summary>The incidents in the period, or an error message for the user.</summary>
    public static async Task<(IReadOnlyList<Incident>? Incidents, string? Error)> LoadAsync(
        string? explicitDb, string db, string? reportsFile, ReportQuery period, CancellationToken cancellationToken)
    {
        if (explicitDb is not null && reportsFile is not null)
        {
            return (null, "give either --db or --reports, not both");
        }

        if (reportsFile is not null)
        {
            if (!File.Exists(reportsFile))
            {
                return (null, $"{reportsFile}: no such file");
            }

            var format = ReportFiles.Choose(reportsFile, "auto", out var error);
            if (format is null)
            {
                return (null, error);
            }

            var (read, rejected) = ReportFiles.ReadAll(reportsFile, format, cancellationToken);
            foreach (var row in rejected.Take(10))
            {
                Console.Error.WriteLine($"warning: {reportsFile}, {row.Reason} (row skipped)");
            }

            if (rejected.Count > 10)
            {
                Console.Error.WriteLine($"warning: … {rejected.Count - 10} more rows skipped");
            }

            var incidents = new List<Incident>(read.Count);
            for (var i = 0; i < read.Count; i++)
            {
                if (read[i].Time.Overlaps(period.From, period.To))
                {
                    incidents.Add(Incident.FromReport(new IncidentId(i + 1), read[i]));
                }
            }

            return (incidents, null);
        }

        if (!File.Exists(db))
        {
            return (null, $"{db}: no such store (import reports first, or pass --reports FILE)");
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        return (await Incidents.LoadAsync(store, period, cancellationToken).ConfigureAwait(false), null);
    }
}
