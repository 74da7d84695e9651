using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using TruceWatch.Core.Ledger;
using TruceWatch.Core.Reports;
using TruceWatch.Storage.Edits;
using TruceWatch.Storage.Imports;
using TruceWatch.Storage.Judging;
using TruceWatch.Storage.Ledger;
using TruceWatch.Storage.Quarantine;

namespace TruceWatch.Storage.Sqlite;

/// <summary>The zero-install store: one SQLite file, written in WAL mode.</summary>
public sealed class SqliteReportStore : IReportStore
{
    /// <summary>Rows per transaction: large enough to be fast, small enough that a crash loses little work (a re-run redoes it without duplicates).</summary>
    internal const int BatchSize = 25_000;

    internal const string CreateTimeIndex = "CREATE INDEX IF NOT EXISTS reports_by_time ON reports (start_time, latest_time)";

    internal const string DropTimeIndex = "DROP INDEX IF EXISTS reports_by_time";

    /// <summary>Every connection's settings.</summary>
    internal const string ConnectionPragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=60000;";

    private const string CreateHashIndex = "CREATE UNIQUE INDEX IF NOT EXISTS ledger_by_hash ON ledger (hash)";

    private readonly string _connectionString;
    private readonly TimeProvider _time;

    public SqliteReportStore(string path, TimeProvider time)
    {
        var full = System.IO.Path.GetFullPath(path);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        _connectionString = new SqliteConnectionStringBuilder { DataSource = full, Pooling = true, DefaultTimeout = 60 }.ToString();
        _time = time;
        Path = full;
    }

    /// <summary>The database file.</summary>
    public string Path { get; }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using (var wal = connection.CreateCommand())
        {
            // A new database gets 16 KB pages (an existing one keeps its size: the pragma does nothing once the file has pages). A report
            // with its verbatim row is ~1 KB, so 4 KB pages split and fill the write-ahead log four times as often: a bulk insert of
            // ACLED rows measured ~1.8x faster with 16 KB pages (docs/benchmarks.md, run 15); 64 KB pages were faster still but make
            // every small edit write 64 KB to the log.
            wal.CommandText = "PRAGMA page_size=16384; PRAGMA journal_mode=WAL";
            await wal.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await SqliteMigrator.MigrateAsync(connection, Now(), cancellationToken).ConfigureAwait(false);

        // An initial import drops the time and hash indexes and builds them at the end; if that import died, they come back here.
        await ExecuteAsync(connection, CreateTimeIndex, cancellationToken).ConfigureAwait(false);
        await ExecuteAsync(connection, CreateHashIndex, cancellationToken).ConfigureAwait(false);
    }

    public async Task<ImportSummary> ImportAsync(ImportRequest request, IEnumerable<ImportItem> items, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        using var lease = request.ContentSha256 is null ? null : await FileLease.TakeAsync(Path, cancellationToken).ConfigureAwait(false);
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        var resume = request.ContentSha256 is { } content ? await FindUnfinishedAsync(connection, content, request.Format, cancellationToken).ConfigureAwait(false) : null;
        long importId = 0, read = 0, accepted = 0, duplicates = 0, quarantined = 0;
        var rejected = new List<QuarantinedRow>();
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        await ExecuteAsync(connection, BulkPragmas(await PageSizeAsync(connection, cancellationToken).ConfigureAwait(false)), cancellationToken).ConfigureAwait(false);

        // Into an empty table (the first load of a store) it is faster to build the time index once at the end than to keep it up
        // to date row by row in random time order: measured at about 40% of import time (docs/benchmarks.md). The same holds for the
        // ledger's unique hash index (random keys): the chain's order and links rest on the sequence key, which stays.
        var deferIndex = !await AnyReportAsync(connection, cancellationToken).ConfigureAwait(false);
        if (deferIndex)
        {
            await ExecuteAsync(connection, DropTimeIndex + "; DROP INDEX IF EXISTS ledger_by_hash", cancellationToken).ConfigureAwait(false);
        }

        // Not deferred: each batch takes the write lock at BEGIN, before the ledger head is read, so the head cannot move under it.
        var transaction = connection.BeginTransaction(deferred: false);
        try
        {
            using var ledger = new SqliteLedger(connection, _time);
            ledger.ReadHead();
            if (resume is not null)
            {
                (importId, read, accepted, duplicates, quarantined) = (resume.ImportId, resume.RowsRead, resume.Accepted, resume.Duplicates, resume.Quarantined);
                ledger.Append(ImportChanges.Resumed(importId, read));
            }
            else
            {
                await using var start = connection.CreateCommand();
                start.Transaction = transaction;
                start.CommandText = "INSERT INTO imports (file_name, format, started_at, content_sha256) VALUES ($f, $fmt, $t, $sha) RETURNING id";
                start.Parameters.AddWithValue("$f", request.FileName);
                start.Parameters.AddWithValue("$fmt", request.Format);
                start.Parameters.AddWithValue("$t", Now());
                start.Parameters.AddWithValue("$sha", (object?)request.ContentSha256 ?? DBNull.Value);
                importId = (long)(await start.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
                ledger.Append(ImportChanges.Started(importId, request));
            }

            var reports = new ReportsEntry(importId);
            await using var checkpoint = connection.CreateCommand();
            checkpoint.CommandText = ImportCheckpoint.SaveSql;
            var c = new[]
            {
                checkpoint.Parameters.Add("$1", SqliteType.Integer), checkpoint.Parameters.Add("$2", SqliteType.Integer),
                checkpoint.Parameters.Add("$3", SqliteType.Integer), checkpoint.Parameters.Add("$4", SqliteType.Integer),
                checkpoint.Parameters.Add("$5", SqliteType.Integer),
            };

            using var inserter = new RawReportInserter(connection);
            await using var quarantine = connection.CreateCommand();
            quarantine.Transaction = transaction;
            quarantine.CommandText = """
                INSERT INTO quarantine (import_id, format, file_name, line, reason, payload, payload_sha256)
                VALUES ($import, $format, $file, $line, $reason, $payload, $sha)
                ON CONFLICT (format, payload_sha256, reason) DO NOTHING
                """;
            var q = new[]
            {
                quarantine.Parameters.Add("$import", SqliteType.Integer), quarantine.Parameters.Add("$format", SqliteType.Text),
                quarantine.Parameters.Add("$file", SqliteType.Text), quarantine.Parameters.Add("$line", SqliteType.Integer),
                quarantine.Parameters.Add("$reason", SqliteType.Text), quarantine.Parameters.Add("$payload", SqliteType.Text),
                quarantine.Parameters.Add("$sha", SqliteType.Text),
            };
            quarantine.Prepare();

            // A resumed import reads the rows before its checkpoint again (formats are read in order, the same way every time) but
            // does not offer them to the store: they were stored, counted and chained by the run that committed them.
            var rows = resume is null ? items : items.Skip(checked((int)resume.RowsRead));
            foreach (var (item, encoded) in ReadAhead.Of(rows.Select(i => (i, i is ImportItem.Accepted a ? RawReportInserter.Encode(a.Record) : null)), cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested();
                read++;
                switch (item)
                {
                    case ImportItem.Accepted a:
                        if (inserter.Insert(importId, a.Record, encoded!))
                        {
                            accepted++;
                            reports.Add(a.Record.Report.Key, a.Record.Line, encoded!.PayloadSha256);
                            if (reports.IsFull)
                            {
                                Append(ledger, reports);
                            }
                        }
                        else
                        {
                            duplicates++;
                        }

                        break;
                    case ImportItem.Rejected r:
                        var sha = ReportColumns.Sha256(r.Row.Payload);
                        q[0].Value = importId;
                        q[1].Value = request.Format;
                        q[2].Value = request.FileName;
                        q[3].Value = r.Row.Line;
                        q[4].Value = r.Row.Reason;
                        q[5].Value = r.Row.Payload;
                        q[6].Value = sha;
                        if (quarantine.ExecuteNonQuery() == 1)
                        {
                            Append(ledger, reports);
                            ledger.Append(ImportChanges.Quarantined(importId, r.Row.Line, r.Row.Reason, sha));
                        }

                        quarantined++;
                        if (rejected.Count < 1000)
                        {
                            rejected.Add(r.Row);
                        }

                        break;
                    case ImportItem.Skipped s:
                        skipped[s.Reason] = skipped.GetValueOrDefault(s.Reason) + 1;
                        break;
                }

                if (read % BatchSize == 0)
                {
                    Append(ledger, reports);
                    checkpoint.Transaction = transaction;
                    (c[0].Value, c[1].Value, c[2].Value, c[3].Value, c[4].Value) = (read, accepted, duplicates, quarantined, importId);
                    checkpoint.ExecuteNonQuery();
                    transaction.Commit();
                    transaction.Dispose();
                    transaction = connection.BeginTransaction(deferred: false);
                    quarantine.Transaction = transaction;
                    ledger.ReadHead();
                    progress?.Report(new ImportProgress(read, accepted, duplicates, quarantined));
                }
            }

            await using (var finish = connection.CreateCommand())
            {
                finish.Transaction = transaction;
                finish.CommandText = "UPDATE imports SET finished_at = $t, rows_read = $r, accepted = $a, duplicates = $d, quarantined = $q WHERE id = $id";
                finish.Parameters.AddWithValue("$r", read);
                finish.Parameters.AddWithValue("$t", Now());
                finish.Parameters.AddWithValue("$a", accepted);
                finish.Parameters.AddWithValue("$d", duplicates);
                finish.Parameters.AddWithValue("$q", quarantined);
                finish.Parameters.AddWithValue("$id", importId);
                await finish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            Append(ledger, reports);
            ledger.Append(ImportChanges.Finished(importId, new ImportProgress(read, accepted, duplicates, quarantined)));
            if (deferIndex)
            {
                // Built inside the last batch's transaction: an import is not finished until its store is whole again, so a kill during
                // the build rolls the last batch back and the next run continues from the checkpoint before it.
                await ExecuteAsync(connection, transaction, CreateTimeIndex + "; " + CreateHashIndex, cancellationToken).ConfigureAwait(false);
            }

            transaction.Commit();
        }
        finally
        {
            transaction.Dispose();
            if (deferIndex)
            {
                // After a failure: the indexes come back (they are IF NOT EXISTS, so after success this does nothing).
                await ExecuteAsync(connection, CreateTimeIndex + "; " + CreateHashIndex, CancellationToken.None).ConfigureAwait(false);
            }

            // The connection goes back to the pool: leave it with the defaults.
            await ExecuteAsync(connection, "PRAGMA cache_size=-2000; PRAGMA wal_autocheckpoint=1000", CancellationToken.None).ConfigureAwait(false);
        }

        progress?.Report(new ImportProgress(read, accepted, duplicates, quarantined));
        return new ImportSummary(importId, accepted, duplicates, quarantined, rejected) { ResumedAt = resume?.RowsRead, Skipped = skipped };
    }

    public async IAsyncEnumerable<LedgerEvent> LedgerAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = LedgerRows.Select;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return LedgerRows.Read(reader, out var unreadable) ?? throw new InvalidDataException(unreadable);
        }
    }

    public async Task<LedgerVerification> VerifyLedgerAsync(CancellationToken cancellationToken = default)
    {
        // SQLite reads are synchronous underneath: the raw reader walks the chain without an awaited task or an object per entry.
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return SqliteLedgerVerifier.Verify(connection, cancellationToken);
    }

    public async IAsyncEnumerable<StoredReport> ReportsAsync(ReportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        var where = new List<string>();
        if (query.From is { } from)
        {
            where.Add("latest_time >= $from");
            command.Parameters.AddWithValue("$from", ReportColumns.Time(from));
        }

        if (query.To is { } to)
        {
            where.Add("start_time < $to");
            command.Parameters.AddWithValue("$to", ReportColumns.Time(to));
        }

        if (query.FirstId is { } first)
        {
            where.Add("id >= $first");
            command.Parameters.AddWithValue("$first", first);
        }

        if (query.LastId is { } last)
        {
            where.Add("id <= $last");
            command.Parameters.AddWithValue("$last", last);
        }

        command.CommandText = ReportColumns.Select + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
            " ORDER BY start_time IS NULL, start_time, id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return ReportColumns.Read(reader);
        }
    }

    public async Task<IReadOnlyList<QuarantineEntry>> QuarantineAsync(QuarantineStatus? status = null, int limit = 1000, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteQuarantine.ListAsync(connection, status, limit, cancellationToken).ConfigureAwait(false);
    }

    public async Task<QuarantineEntry?> QuarantinedRowAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteQuarantine.OneAsync(connection, id, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EditResult<QuarantineEntry>> DecideQuarantineAsync(long id, long expectedVersion, QuarantineDecision decision, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteQuarantine.DecideAsync(connection, _time, id, expectedVersion, decision, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> RecordTermsAsync(TermsVersion terms, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteJudging.RecordTermsAsync(connection, _time, terms, cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> EnqueueJudgingAsync(TermsVersion terms, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteJudging.EnqueueAsync(connection, _time, terms, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JudgingJob?> ClaimJudgingJobAsync(string worker, TimeSpan staleAfter, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteJudging.ClaimAsync(connection, _time, worker, staleAfter, cancellationToken).ConfigureAwait(false);
    }

    public async Task<bool> CompleteJudgingJobAsync(JudgingJob job, int agreementVersion, IReadOnlyList<StoredVerdict> verdicts, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteJudging.CompleteAsync(connection, _time, job, agreementVersion, verdicts, cancellationToken).ConfigureAwait(false);
    }

    public async Task FailJudgingJobAsync(JudgingJob job, string error, int maxAttempts, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await SqliteJudging.FailAsync(connection, _time, job, error, maxAttempts, cancellationToken).ConfigureAwait(false);
    }

    public async Task<JobCounts> JudgingJobsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        return await SqliteJudging.CountsAsync(connection, cancellationToken).ConfigureAwait(false);
    }

    public async IAsyncEnumerable<StoredAssessment> AssessmentsAsync(string agreementId, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var a in SqliteJudging.AssessmentsAsync(connection, agreementId, cancellationToken).ConfigureAwait(false))
        {
            yield return a;
        }
    }

    public async Task<ReportProvenance?> ReportAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = ReportColumns.SelectWhole.Replace("\nFROM reports", ", payload_sha256, (SELECT file_name FROM imports i WHERE i.id = reports.import_id), " +
            "(SELECT format FROM imports i WHERE i.id = reports.import_id), (SELECT started_at FROM imports i WHERE i.id = reports.import_id)\nFROM reports", StringComparison.Ordinal) +
            " WHERE id = $id";
        command.Parameters.AddWithValue("$id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        var at = DateTimeOffset.Parse(reader.GetString(ReportColumns.WholePayload + 4), System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.AssumeUniversal | System.Globalization.DateTimeStyles.AdjustToUniversal);
        return new ReportProvenance(ReportColumns.Read(reader), reader.GetInt64(ReportColumns.WholeImportId), reader.GetString(ReportColumns.WholePayload + 2),
            reader.GetString(ReportColumns.WholePayload + 3), at, reader.GetInt64(ReportColumns.WholeLine), reader.GetString(ReportColumns.WholePayload), reader.GetString(ReportColumns.WholePayload + 1));
    }

    public async Task<long> CountReportsAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM reports";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        return ValueTask.CompletedTask;
    }

    private async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken)
    {
        var connection = new SqliteConnection(_connectionString);
        await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
        await using var pragmas = connection.CreateCommand();
        pragmas.CommandText = ConnectionPragmas;
        await pragmas.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        return connection;
    }

    /// <summary>Appends the reports gathered so far, if any, as one entry.</summary>
    private static void Append(SqliteLedger ledger, ReportsEntry reports)
    {
        if (reports.Take() is { } change)
        {
            ledger.Append(change);
        }
    }

    private static async Task<ImportCheckpoint?> FindUnfinishedAsync(SqliteConnection connection, string contentSha256, string format, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = ImportCheckpoint.FindSql;
        command.Parameters.AddWithValue("$1", contentSha256);
        command.Parameters.AddWithValue("$2", format);
        return await ImportCheckpoint.FindAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// A bulk import's settings: a bigger page cache keeps the time index in memory (measured in docs/benchmarks.md), and a larger
    /// write-ahead log between checkpoints writes each hot index page back once per 64 MB, not once per 4 MB (the threshold is in pages:
    /// 64 MB of log whatever the store's page size).
    /// </summary>
    internal static string BulkPragmas(long pageSize) => $"PRAGMA cache_size=-65536; PRAGMA wal_autocheckpoint={64 * 1024 * 1024 / pageSize}";

    private static async Task<long> PageSizeAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA page_size";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task<bool> AnyReportAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT EXISTS (SELECT 1 FROM reports)";
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != 0;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task ExecuteAsync(SqliteConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private string Now() => ReportColumns.Text(_time.GetUtcNow());
}
