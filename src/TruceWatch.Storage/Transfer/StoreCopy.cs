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
        counts = counts with { Sources = await CopySourcesAsync(sqliteConnection, pg, cancellationToken).ConfigureAwait(false) };
        counts = counts with { Imports = await CopyImportsAsync(sqliteConnection, pg, cancellationToken).ConfigureAwait(false) };
        counts = await CopyReportsAsync(sqliteConnection, pg, counts, progress, cancellationToken).ConfigureAwait(false);
        counts = counts with { Quarantined = await CopyQuarantineAsync(sqliteConnection, pg, cancellationToken).ConfigureAwait(false) };
        counts = counts with { LedgerEntries = await CopyLedgerAsync(sqliteConnection, pg, cancellationToken).ConfigureAwait(false) };
        foreach (var table in (string[])["imports", "reports", "quarantine"])
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

    private static async Task<long> CopySourcesAsync(SqliteConnection from, NpgsqlConnection to, CancellationToken cancellationToken)
    {
        await using var select = from.CreateCommand();
        select.CommandText = "SELECT id, name, kind, reliability, speaks_for FROM sources ORDER BY id";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = await to.BeginBinaryImportAsync("COPY sources (id, name, kind, reliability, speaks_for) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        long n = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            for (var i = 0; i < 5; i++)
            {
                await WriteText(writer, reader, i, cancellationToken).ConfigureAwait(false);
            }

            n++;
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return n;
    }

    private static async Task<long> CopyImportsAsync(SqliteConnection from, NpgsqlConnection to, CancellationToken cancellationToken)
    {
        await using var select = from.CreateCommand();
        select.CommandText = "SELECT id, file_name, format, started_at, finished_at, accepted, duplicates, quarantined FROM imports ORDER BY id";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = await to.BeginBinaryImportAsync(
            "COPY imports (id, file_name, format, started_at, finished_at, accepted, duplicates, quarantined) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        long n = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(reader.GetInt64(0), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await WriteText(writer, reader, 1, cancellationToken).ConfigureAwait(false);
            await WriteText(writer, reader, 2, cancellationToken).ConfigureAwait(false);
            await WriteInstant(writer, reader, 3, cancellationToken).ConfigureAwait(false);
            await WriteInstant(writer, reader, 4, cancellationToken).ConfigureAwait(false);
            for (var i = 5; i < 8; i++)
            {
                await writer.WriteAsync(reader.GetInt64(i), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            }

            n++;
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return n;
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
            await PostgresColumns.WriteWithIdsAsync(writer, stored.Id, importId, record, cancellationToken).ConfigureAwait(false);
            if (++n % ProgressEvery == 0)
            {
                progress?.Report(counts with { Reports = n });
            }
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return counts with { Reports = n };
    }

    private static async Task<long> CopyQuarantineAsync(SqliteConnection from, NpgsqlConnection to, CancellationToken cancellationToken)
    {
        await using var select = from.CreateCommand();
        select.CommandText = "SELECT id, import_id, format, file_name, line, reason, payload, payload_sha256, status, version, decided_by, decided_at, note FROM quarantine ORDER BY id";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = await to.BeginBinaryImportAsync(
            "COPY quarantine (id, import_id, format, file_name, line, reason, payload, payload_sha256, status, version, decided_by, decided_at, note) FROM STDIN (FORMAT BINARY)",
            cancellationToken).ConfigureAwait(false);
        long n = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(reader.GetInt64(0), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(reader.GetInt64(1), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await WriteText(writer, reader, 2, cancellationToken).ConfigureAwait(false);
            await WriteText(writer, reader, 3, cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(reader.GetInt64(4), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            for (var i = 5; i < 9; i++)
            {
                await WriteText(writer, reader, i, cancellationToken).ConfigureAwait(false);
            }

            await writer.WriteAsync(reader.GetInt64(9), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            await WriteText(writer, reader, 10, cancellationToken).ConfigureAwait(false);
            await WriteInstant(writer, reader, 11, cancellationToken).ConfigureAwait(false);
            await WriteText(writer, reader, 12, cancellationToken).ConfigureAwait(false);
            n++;
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return n;
    }

    /// <summary>The ledger verbatim: every field as stored, so each entry hashes to the same value on the new backend.</summary>
    private static async Task<long> CopyLedgerAsync(SqliteConnection from, NpgsqlConnection to, CancellationToken cancellationToken)
    {
        await using var select = from.CreateCommand();
        select.CommandText = "SELECT sequence, at_text, kind, subject, payload, previous_hash, hash FROM ledger ORDER BY sequence";
        await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await using var writer = await to.BeginBinaryImportAsync(
            "COPY ledger (sequence, at_text, kind, subject, payload, previous_hash, hash) FROM STDIN (FORMAT BINARY)", cancellationToken).ConfigureAwait(false);
        long n = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
            await writer.WriteAsync(reader.GetInt64(0), NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
            for (var i = 1; i < 7; i++)
            {
                await WriteText(writer, reader, i, cancellationToken).ConfigureAwait(false);
            }

            n++;
        }

        await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        return n;
    }

    private static Task WriteText(NpgsqlBinaryImporter writer, SqliteDataReader reader, int i, CancellationToken cancellationToken) =>
        reader.IsDBNull(i)
            ? writer.WriteNullAsync(cancellationToken)
            : writer.WriteAsync(reader.GetString(i), NpgsqlDbType.Text, cancellationToken);

    /// <summary>A bookkeeping time stored as UTC ISO 8601 text in SQLite, as a timestamptz.</summary>
    private static Task WriteInstant(NpgsqlBinaryImporter writer, SqliteDataReader reader, int i, CancellationToken cancellationToken) =>
        reader.IsDBNull(i)
            ? writer.WriteNullAsync(cancellationToken)
            : writer.WriteAsync(
                DateTimeOffset.Parse(reader.GetString(i), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal).UtcDateTime,
                NpgsqlDbType.TimestampTz, cancellationToken);

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
public readonly record struct CopyProgress(long Sources, long Imports, long Reports, long Quarantined, long LedgerEntries);

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
