using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using TruceWatch.Storage;
using TruceWatch.Storage.Edits;
using TruceWatch.Storage.Postgres;
using TruceWatch.Storage.Quarantine;

namespace TruceWatch.Cli.Commands;

/// <summary><c>trucewatch quarantine list|decide</c>: the review queue of rows that could not become reports.</summary>
internal static class QuarantineCommand
{
    public static Command Create()
    {
        var db = CommonOptions.Db();
        var status = new Option<string?>("--status") { Description = $"Only rows of this status ({QuarantineStatuses.Names})." };
        var limit = new Option<int>("--limit") { Description = "Rows to list.", DefaultValueFactory = _ => 50 };
        var list = new Command("list", "List quarantined rows, newest import first, with the version a decision must name.") { db, status, limit };
        list.SetAction((parse, cancellationToken) => ListAsync(parse.GetValue(db)!, parse.GetValue(status), parse.GetValue(limit), cancellationToken));

        var id = new Argument<long>("id") { Description = "The row's id (from quarantine list)." };
        var version = new Option<long>("--version") { Description = "The version you looked at; a row changed since is not overwritten.", Required = true };
        var to = new Option<string>("--status") { Description = $"The decision: {QuarantineStatuses.Names}.", Required = true };
        var by = new Option<string>("--by") { Description = "Who decides (default: the login name).", DefaultValueFactory = _ => Environment.UserName };
        var note = new Option<string?>("--note") { Description = "Why (required unless reopening)." };
        var decideDb = CommonOptions.Db();
        var decide = new Command("decide", "Record a review decision on a quarantined row (appended to the ledger).") { id, decideDb, version, to, by, note };
        decide.SetAction((parse, cancellationToken) => DecideAsync(
            parse.GetValue(decideDb)!, parse.GetValue(id), parse.GetValue(version), parse.GetValue(to)!, parse.GetValue(by)!, parse.GetValue(note), cancellationToken));

        var retryDb = CommonOptions.Db();
        var retryBy = new Option<string>("--by") { Description = "Who retries (default: the login name).", DefaultValueFactory = _ => Environment.UserName };
        var retry = new Command("retry", "Read open quarantined rows again with today's rules (catalog, gazetteer, parser); import those that now pass.") { retryDb, retryBy };
        retry.SetAction((parse, cancellationToken) => RetryAsync(parse.GetValue(retryDb)!, parse.GetValue(retryBy)!, cancellationToken));

        return new Command("quarantine", "Review rows that could not become reports: list, decide, retry.") { list, decide, retry };
    }

    private static async Task<int> ListAsync(string db, string? statusText, int limit, CancellationToken cancellationToken)
    {
        QuarantineStatus? status = null;
        if (statusText is not null)
        {
            if (!QuarantineStatuses.TryParse(statusText, out var s))
            {
                return CommonOptions.Fail($"--status '{statusText}' is not one of {QuarantineStatuses.Names}");
            }

            status = s;
        }

        if (!Exists(db))
        {
            return CommonOptions.Fail($"{db}: no such store");
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var rows = await store.QuarantineAsync(status, limit, cancellationToken).ConfigureAwait(false);
        var table = new Table().AddColumns("id", "version", "status", "file", "line", "reason", "decided");
        foreach (var r in rows)
        {
            table.AddRow(
                r.Id.ToString(CultureInfo.InvariantCulture), r.Version.ToString(CultureInfo.InvariantCulture), r.Status.ToText(),
                Markup.Escape(r.FileName), r.Line.ToString(CultureInfo.InvariantCulture), Markup.Escape(r.Reason),
                Markup.Escape(r.DecidedBy is null ? "" : $"{r.DecidedBy}: {r.Note}"));
        }

        AnsiConsole.Write(table);
        Console.WriteLine($"{rows.Count} row(s){(status is { } st ? $" {st.ToText()}" : "")}");
        return 0;
    }

    private static async Task<int> DecideAsync(string db, long id, long version, string statusText, string by, string? note, CancellationToken cancellationToken)
    {
        if (!QuarantineStatuses.TryParse(statusText, out var status))
        {
            return CommonOptions.Fail($"--status '{statusText}' is not one of {QuarantineStatuses.Names}");
        }

        var decision = new QuarantineDecision(status, by, note ?? "");
        if (decision.Problems() is { Count: > 0 } problems)
        {
            return CommonOptions.Fail(string.Join("; ", problems));
        }

        if (!Exists(db))
        {
            return CommonOptions.Fail($"{db}: no such store");
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        switch (await store.DecideQuarantineAsync(id, version, decision, cancellationToken).ConfigureAwait(false))
        {
            case EditResult<QuarantineEntry>.Updated u:
                Console.WriteLine($"Row {id} is now {u.Value.Status.ToText()} (version {u.Value.Version}), by {u.Value.DecidedBy}; recorded in the ledger.");
                return 0;
            case EditResult<QuarantineEntry>.Conflict c:
                Console.Error.WriteLine($"conflict: row {id} changed since version {version}: it is at version {c.Current.Version}, " +
                    $"{c.Current.Status.ToText()} by {c.Current.DecidedBy ?? "nobody"}{(c.Current.Note is null ? "" : $" ({c.Current.Note})")}. Nothing was changed; look again and decide against version {c.Current.Version}.");
                return 3;
            default:
                return CommonOptions.Fail($"no quarantined row has id {id}");
        }
    }

    private static async Task<int> RetryAsync(string db, string by, CancellationToken cancellationToken)
    {
        if (!Exists(db))
        {
            return CommonOptions.Fail($"{db}: no such store");
        }

        await using var store = await StoreFactory.OpenAsync(db, TimeProvider.System, cancellationToken).ConfigureAwait(false);
        var rows = await store.QuarantineAsync(QuarantineStatus.Open, int.MaxValue, cancellationToken).ConfigureAwait(false);
        int accepted = 0, still = 0, skipped = 0;
        var needHeader = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (Retry.Text(row) is not { } text || Ingest.Formats.FormatRegistry.Default.ByName(row.Format) is not { } format)
            {
                skipped++;
                needHeader.Add(row.Format);
                continue;
            }

            var item = format.Read(new StringReader(text), cancellationToken).FirstOrDefault();
            if (item is not Core.Reports.ImportItem.Accepted ok)
            {
                still++;
                continue;
            }

            // Imported as it was first read (same key, same line, same verbatim row), then the row is marked corrected.
            var record = ok.Record with { Payload = row.Payload, Line = row.Line };
            var summary = await store.ImportAsync(new ImportRequest(row.FileName, row.Format), [new Core.Reports.ImportItem.Accepted(record)], cancellationToken: cancellationToken)
                .ConfigureAwait(false);
            var note = summary.Accepted == 1 ? $"accepted on retry as report {record.Report.Key} (import {summary.ImportId})" : $"on retry, report {record.Report.Key} was already stored";
            await store.DecideQuarantineAsync(row.Id, row.Version, new QuarantineDecision(QuarantineStatus.Corrected, by, note), cancellationToken).ConfigureAwait(false);
            accepted++;
        }

        Console.WriteLine($"Retried {rows.Count} open row(s): {accepted} now pass and were imported, {still} still fail" +
            (skipped > 0 ? $", {skipped} of format(s) {string.Join(", ", needHeader)} need their file's header: re-import the file (imports are idempotent)" : ""));
        return 0;
    }

    private static bool Exists(string db) => PostgresLocation.IsPostgres(db) || File.Exists(db);
}
