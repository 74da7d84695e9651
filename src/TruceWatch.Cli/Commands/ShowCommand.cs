using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using TruceWatch.Core.Reports;
using TruceWatch.Storage;
using TruceWatch.Storage.Postgres;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch show report ID</c>: one stored report with all its provenance — import, line, verbatim row, ledger entry.</summary>
internal static class ShowCommand
{
    public static Command Create()
    {
        var id = new Argument<long>("id") { Description = "The report's id (as in assess output)." };
        var db = CommonOptions.Db();
        var report = new Command("report", "Show a stored report, where it came from and the ledger entry that records it.") { id, db };
        report.SetAction((parse, cancellationToken) => ReportAsync(parse.GetValue(id), parse.GetValue(db)!, cancellationToken));
        return new Command("show", "Show stored records with their provenance.") { report };
    }

    private static async Task<int> ReportAsync(long id, string db, CancellationToken cancellationToken)
    {
        if (!PostgresLocation.IsPostgres(db) && !File.Exists(db))
        {
            return CommonOptions.Fail($"{db}: no such store");
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        if (await store.ReportAsync(id, cancellationToken).ConfigureAwait(false) is not { } p)
        {
            return CommonOptions.Fail($"no report has id {id}");
        }

        var r = p.Stored.Report;
        var key = r.Key.ToString();
        Console.WriteLine($"report {id}: {key}");
        Console.WriteLine($"  time:        {(r.Time.Start is { } s ? IsoTime.FormatKyiv(s) : "unknown")}{(r.Time.End is { } e ? " / " + IsoTime.FormatKyiv(e) : "")} ({r.Time.Precision.ToText()})");
        Console.WriteLine($"  perpetrator: {r.Perpetrator?.Value ?? "unknown"}");
        Console.WriteLine($"  domain:      {r.Domain?.ToText() ?? "unknown"}; means: {r.Means?.Value ?? "unknown"}{(r.MeansInferred ? " (inferred)" : "")}; weapon: {r.Weapon ?? "-"}");
        Console.WriteLine($"  counts:      launched {N(r.Counts.Launched)}, intercepted {N(r.Counts.Intercepted)}, hits {N(r.Counts.Hits)}; killed {N(r.Harm.Killed)}, injured {N(r.Harm.Injured)}");
        Console.WriteLine($"  place:       {string.Join(", ", new[] { r.Place.Name, r.Place.Admin1, r.Place.Country }.Where(x => x is not null))}" +
            $"{(r.Place.Point is { } pt ? string.Create(CultureInfo.InvariantCulture, $" at {pt.Lat},{pt.Lon}") : "")} ({r.Place.Precision.ToText()})");
        Console.WriteLine($"  targets:     {(r.Targets.IsDefaultOrEmpty ? "none named" : string.Join(", ", r.Targets))}");
        Console.WriteLine($"  imported:    import {p.ImportId} of {p.FileName} as {p.Format} at {IsoTime.Format(p.ImportedAt)}, line {p.Line}");
        Console.WriteLine($"  row sha256:  {p.PayloadSha256}");
        Console.WriteLine($"  row:         {p.Payload}");

        // The ledger entry that names it: a 'reports' entry listing its key and the same row hash.
        var needle = JsonSerializer.Serialize(key);
        await foreach (var entry in store.LedgerAsync(cancellationToken).ConfigureAwait(false))
        {
            if (entry.Kind == "reports" && entry.Payload.Contains($"\"key\":{needle},", StringComparison.Ordinal) && entry.Payload.Contains(p.PayloadSha256, StringComparison.Ordinal))
            {
                Console.WriteLine($"  ledger:      entry {entry.Sequence} ({entry.Subject}) at {entry.AtText}, hash {entry.Hash}");
                return 0;
            }
        }

        Console.WriteLine("  ledger:      no entry names this report with this row; verify the ledger (trucewatch verify)");
        return 1;
    }

    private static string N(int? n) => n?.ToString(CultureInfo.InvariantCulture) ?? "?";
}
