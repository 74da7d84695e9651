using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using NpgsqlTypes;
using TruceWatch.Core.Reports;
using TruceWatch.Storage.Postgres;
using TruceWatch.Storage.Sqlite;

namespace TruceWatch.Storage.Transfer;

/// <summary>
/// Moves a whole SQLite store into an empty PostgreSQL store: imports, reports, quarantine and the ledger, with their ids, and the
/// ledger entry for entry (same times, payloads and hashes), so the chain verifies to the same head on the new backend. One
/// transaction: a copy that fails leaves the target as empty as it was.
/// </summary>
public static class StoreCopy
{
    private const int ProgressEvery = 50_000;

    private static readonly (string, Column)[] Sources =
        [("id", Column.Text), ("name", Column.Text), ("kind", Column.Text), ("reliability", Column.Text), ("speaks_for", Column.Text)];

    private static readonly (string, Column)[] Imports =
    [
        ("id", Column.Bigint), ("file_name", Column.Text), ("format", Column.Text), ("started_at", Column.Instant), ("finished_at", Column.Instant),
        ("accepted", Column.Bigint), ("duplicates", Column.Bigint), ("quarantined", Column.Bigint), ("content_sha256", Column.Text), ("rows_read", Column.Bigint),
    ];

    private static readonly (string, Column)[] Quarantine =
    [
        ("id", Column.Bigint), ("import_id", Column.Bigint), ("format", Column.Text), ("file_name", Column.Text), ("line", Column.Bigint), ("reason", Column.Text),
        ("payload", Column.Text), ("payload_sha256", Column.Text), ("status", Column.Text), ("version", Column.Bigint), ("decided_by", Column.Text),
        ("decided_at", Column.Instant), ("note", Column.Text),
    ];

    private static readonly (string, Column)[] TermsVersions =
        [("agreement_id", Column.Text), ("version", Column.Integer), ("sha256", Column.Text), ("recorded_at", Column.Instant)];

    private static readonly (string, Column)[] JudgingJobs =
    [
        ("id", Column.Bigint), ("agreement_id", Column.Text), ("terms_sha256", Column.Text), ("first_report_id", Column.Bigint), ("last_report_id", Column.Bigint),
        ("state", Column.Text), ("attempts", Column.Integer), ("queued_at", Column.Instant), ("taken_by", Column.Text), ("taken_at", Column.Instant),
        ("finished_at", Column.Instant), ("error", Column.Text),
    ];

    private static readonly (string, Column)[] Assessments =
    [
        ("agreement_id", Column.Text), ("report_id", Column.Bigint), ("agreement_version", Column.Integer), ("terms_sha256", Column.Text), ("verdict", Column.Text),
        ("reason", Column.Text), ("missing", Column.Text), ("job_id", Column.Bigint), ("judged_at", Column.Instant),
    ];

    private static readonly (string, Column)[] Ledger =
    [
        ("sequence", Column.Bigint), ("at_text", Column.Text), ("kind", Column.Text), ("subject", Column.Text), ("payload", Column.Text),
        ("previous_hash", Column.Text), ("hash", Column.Text),
    ];

    /// <summary>How a column travels: SQLite's storage class on one side, the PostgreSQL type on the other.</summary>
    private enum Column
    {
        Text,
        Bigint,
        Integer,
        Instant,
    }

    /// <exception cref="StoreCopyException">The source is not a SQLite store, its ledger is broken, or the target is not empty.</exception>
    public static async Task<CopyResult> CopyAsync(string from, string to, TimeProvider time, IProgress<CopyProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        if (PostgresLocation.IsPostgres(from) || !PostgresLocation.IsPostgres(to))
        {
            throw new StoreCopyException("A store copy goes from a SQLite file (--from FILE) to a PostgreSQL store (--to postgres://… or Host=…).");
        }

        if (!File.Exists(from))
        {
            throw new StoreCopyException($"{from}: no such store");
        }

        // Opening migrates both to the current schema, so their columns match; the source's chain must hold before it is carried over.
        LedgerVerificationHead source;
        await using (var sqlite = await StoreFactory.OpenAsync(from, time, cancellationToken).ConfigureAwait(false))
        {
            var verified = await sqlite.VerifyLedgerAsync(cancellationToken).ConfigureAwait(false);
            if (!verified.IsIntact)
            {
                throw new StoreCopyException($"{from}: its ledger is broken at entry {verified.BrokenAt} ({verified.Reason}); fix or restore it before copying.");
            }

            source = new LedgerVerificationHead(verified.Verified, verified.HeadHash);
        }

        var connectionString = PostgresLocation.ToConnectionString(to);
        // Opening migrates the target, so its tables exist (and match the source's) before anything is written.
        await using (await StoreFactory.OpenAsync(connectionString, time, cancellationToken).ConfigureAwait(false))
        {
        }

        await using var sqliteConnection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(from), Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        await sqliteConnection.OpenAsync(cancellationToken).ConfigureAwait(false);

        // One read transaction on the source: every table is read from the same moment even if someone imports meanwhile.
        await using var read = (SqliteTransaction)await sqliteConnection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await using var pg = new NpgsqlConnection(connectionString);
        await pg.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var write = await pg.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await Execute(pg, $"SELECT pg_advisory_xact_lock({PostgresLedger.LockKey})", cancellationToken).ConfigureAwait(false);
        if (await Scalar<bool>(pg, "SELECT EXISTS (SELECT 1 FROM imports) OR EXISTS (SELECT 1 FROM ledger) OR EXISTS (SELECT 1 FROM sources)", cancellationToken).ConfigureAwait(false))
        {
            throw new StoreCopyException($"{PostgresLocation.Describe(new NpgsqlConnectionStringBuilder(connectionString))} already holds data; a store is copied into an empty one.");
        }

        var counts = new CopyProgress();
        counts = counts with { Sources = await CopyTableAsync(sqliteConnection, pg, "sources", "id", Sources, cancellationToken).ConfigureAwait(false) };
        counts = counts with { Imports = await CopyTableAsync(sqliteConnection, pg, "imports", "id", Imports, cancellationToken).ConfigureAwait(false) };
        counts = await CopyReportsAsync(sqliteConnection, pg, counts, progress, cancellationToken).ConfigureAwait(false);
        counts = counts with { Quarantined = await CopyTableAsync(sqliteConnection, pg, "quarantine", "id", Quarantine, cancellationToken).ConfigureAwait(false) };
        await CopyTableAsync(sqliteConnection, pg, "terms_versions", "recorded_at, agreement_id", TermsVersions, cancellationToken).ConfigureAwait(false);
        await CopyTableAsync(sqliteConnection, pg, "judging_jobs", "id", JudgingJobs, cancellationToken).ConfigureAwait(false);
        counts = counts with { Assessments = await CopyTableAsync(sqliteConnection, pg, "assessments", "agreement_id, report_id", Assessments, cancellationToken).ConfigureAwait(false) };
        counts = counts with { LedgerEntries = await CopyTableAsync(sqliteConnection, pg, "ledger", "sequence", Ledger, cancellationToken).ConfigureAwait(false) };
        foreach (var table in (string[])["imports", "reports", "quarantine", "judging_jobs"])
        {
            await Execute(pg, $"SELECT setval(pg_get_serial_sequence('{table}', 'id'), COALESCE((SELECT max(id) FROM {table}), 0) + 1, false)", cancellationToken).ConfigureAwait(false);
        }

        await write.CommitAsync(cancellationToken).ConfigureAwait(false);
        progress?.Report(counts);

        // The proof the copy is whole: the new backend recomputes the chain to the head the source verified to.
        await using var copied = await StoreFactory.OpenAsync(connectionString, time, cancellationToken).ConfigureAwait(false);
        var after = await copied.VerifyLedgerAsync(cancellationToken).ConfigureAwait(false);
        if (!after.IsIntact || after.Verified != source.Entries || after.HeadHash != source.Head)
        {
            throw new StoreCopyException($"The copy's ledger does not match the source: {after.Verified} entries, head {after.HeadHash} against {source.Entries}, {source.Head}.");
        }

        return new CopyResult(counts, after.HeadHash);
    }

    private static async Task<CopyProgress> CopyReportsAsync(SqliteConnection from, NpgsqlConnection to, CopyProgress counts, IProgress<CopyProgress>? progress, CancellationToken cancellationToken)
    {
        await using var select = from.CreateCommand();
        select.CommandText = ReportColumns.SelectWhole + " ORDER BY id";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = await to.BeginBinaryImportAsync(PostgresColumns.CopyWithIds, cancellationToken).ConfigureAwait(false);
        long n = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var stored = ReportColumns.Read(reader);
            var importId = reader.GetInt64(ReportColumns.WholeImportId);
            var record = new ReportRecord(stored.Report, reader.GetString(ReportColumns.WholePayload), reader.GetInt64(ReportColumns.WholeLine));
            PostgresColumns.WriteWithIds(writer, stored.Id, importId, record);
            if (++n % ProgressEvery == 0)
            {
                progress?.Report(counts with { Reports = n });
            }
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return counts with { Reports = n };
    }

    /// <summary>
    /// Copies a table row by row, column by column as <paramref name="columns"/> describe them, in <paramref name="order"/>. Every field is
    /// carried as stored; the ledger's, hashed as text, comes out byte for byte.
    /// </summary>
    private static async Task<long> CopyTableAsync(SqliteConnection from, NpgsqlConnection to, string table, string order, (string Name, Column Kind)[] columns, CancellationToken cancellationToken)
    {
        var names = string.Join(", ", columns.Select(c => c.Name));
        await using var select = from.CreateCommand();
        select.CommandText = $"SELECT {names} FROM {table} ORDER BY {order}";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = await to.BeginBinaryImportAsync($"COPY {table} ({names}) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        long n = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < columns.Length; i++)
            {
                if (reader.IsDBNull(i))
                {
                    await writer.WriteNullAsync(cancellationToken).ConfigureAwait(false);
                    continue;
                }

                await (columns[i].Kind switch
                {
                    Column.Text => writer.WriteAsync(reader.GetString(i), NpgsqlDbType.Text, cancellationToken),
                    Column.Bigint => writer.WriteAsync(reader.GetInt64(i), NpgsqlDbType.Bigint, cancellationToken),
                    Column.Integer => writer.WriteAsync(reader.GetInt32(i), NpgsqlDbType.Integer, cancellationToken),
                    _ => writer.WriteAsync(Instant(reader.GetString(i)), NpgsqlDbType.TimestampTz, cancellationToken),
                }).ConfigureAwait(false);
            }

            n++;
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return n;
    }

    /// <summary>A bookkeeping time stored as UTC ISO 8601 text in SQLite, as a timestamptz.</summary>
    private static DateTime Instant(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).UtcDateTime;

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<T> Scalar<T>(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        return (T)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private readonly record struct LedgerVerificationHead(long Entries, string Head);
}

/// <summary>How far a store copy has got: rows copied per table.</summary>
public readonly record struct CopyProgress(long Sources, long Imports, long Reports, long Quarantined, long Assessments, long LedgerEntries);

/// <summary>A finished store copy: what it copied and the ledger head the target verified to.</summary>
public sealed record CopyResult(CopyProgress Copied, string LedgerHead);

/// <summary>A store copy that cannot be done, with the reason for the user.</summary>
public sealed class StoreCopyException : Exception
{
    public StoreCopyException(string message)
        : base(message)
    {
    }

    public StoreCopyException(string message, Exception inner)
        : base(message, inner)
    {
    }

    public StoreCopyException()
    {
    }
}
