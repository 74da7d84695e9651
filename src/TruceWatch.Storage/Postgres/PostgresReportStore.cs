using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using TruceWatch.Core.Ledger;
using TruceWatch.Core.Reports;
using TruceWatch.Storage.Edits;
using TruceWatch.Storage.Imports;
using TruceWatch.Storage.Judging;
using TruceWatch.Storage.Ledger;
using TruceWatch.Storage.Quarantine;

namespace TruceWatch.Storage.Postgres;

/// <summary>The shared store: a PostgreSQL database that several nodes may import into and read from at once.</summary>
public sealed class PostgresReportStore : IReportStore
{
    /// <summary>Rows per transaction, as in SQLite: a crash loses at most one batch, and a re-run redoes it without duplicates.</summary>
    private const int BatchSize = 25_000;

    /// <summary>How often a batch is retried when PostgreSQL aborts it to break a deadlock with a concurrent import.</summary>
    private const int Attempts = 5;

    private const string CreateQuarantineStaging = """
        CREATE TEMP TABLE quarantine_staging (
            ord integer NOT NULL, line bigint NOT NULL, reason text NOT NULL, payload text NOT NULL, payload_sha256 text NOT NULL
        ) ON COMMIT DROP
        """;

    private const string CopyQuarantine = "COPY quarantine_staging (ord, line, reason, payload, payload_sha256) FROM STDIN (FORMAT BINARY)";

    private const string InsertQuarantine = """
        INSERT INTO quarantine (import_id, format, file_name, line, reason, payload, payload_sha256)
        SELECT $1, $2, $3, line, reason, payload, payload_sha256
        FROM (SELECT DISTINCT ON (payload_sha256, reason) * FROM quarantine_staging ORDER BY payload_sha256, reason, ord) AS first_by_key
        ORDER BY ord
        ON CONFLICT (format, payload_sha256, reason) DO NOTHING
        RETURNING id, line, reason, payload_sha256
        """;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _time;

    /// <param name="connectionString">An Npgsql connection string (see <see cref="PostgresLocation.ToConnectionString"/> for the URI form).</param>
    /// <param name="time">The clock for import and migration timestamps.</param>
    public PostgresReportStore(string connectionString, TimeProvider time)
    {
        _dataSource = NpgsqlDataSource.Create(connectionString);
        _time = time;
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await PostgresMigrator.MigrateAsync(connection, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
    }

    public async Task<ImportSummary> ImportAsync(ImportRequest request, IEnumerable<ImportItem> items, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        long? importId = null;
        var totals = new ImportProgress(0, 0, 0, 0);
        ImportCheckpoint? resume = null;
        var lease = request.ContentSha256 is { } content ? LeaseKey(content) : (long?)null;
        if (lease is { } key)
        {
            // A session lock: held while this import runs, gone with its connection if the process dies. A second import of the same
            // bytes waits here, then finds the first finished (everything a duplicate) or, if it died, continues it from its checkpoint.
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock($1)", connection);
            take.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key });
            await take.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            resume = await FindUnfinishedAsync(connection, request.ContentSha256!, request.Format, cancellationToken).ConfigureAwait(false);
            if (resume is not null)
            {
                (importId, totals) = (resume.ImportId, resume.Progress);
            }
        }

        try
        {
            return await ImportRowsAsync(connection, request, resume is null ? items : items.Skip(checked((int)resume.RowsRead)), importId, totals, resume, progress, cancellationToken)
                .ConfigureAwait(false);
        }
        finally
        {
            if (lease is { } key2)
            {
                await using var release = new NpgsqlCommand("SELECT pg_advisory_unlock($1)", connection);
                release.Parameters.Add(new NpgsqlParameter<long> { TypedValue = key2 });
                await release.ExecuteNonQueryAsync(CancellationToken.None).ConfigureAwait(false);
            }
        }
    }

    private async Task<ImportSummary> ImportRowsAsync(
        NpgsqlConnection connection, ImportRequest request, IEnumerable<ImportItem> items, long? importId, ImportProgress totals, ImportCheckpoint? resume,
        IProgress<ImportProgress>? progress, CancellationToken cancellationToken)
    {
        var rejected = new List<QuarantinedRow>();
        var skipped = new Dictionary<string, long>(StringComparer.Ordinal);
        var batch = new Batch();
        var resumedAt = resume?.RowsRead;
        foreach (var item in items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            batch.Add(item);
            if (item is ImportItem.Rejected r && rejected.Count < 1000)
            {
                rejected.Add(r.Row);
            }
            else if (item is ImportItem.Skipped s)
            {
                skipped[s.Reason] = skipped.GetValueOrDefault(s.Reason) + 1;
            }

            if (batch.Count == BatchSize)
            {
                (importId, totals) = await WriteAsync(connection, request, importId, resumedAt, batch, totals, finish: false, cancellationToken).ConfigureAwait(false);
                resumedAt = null;
                batch.Clear();
                progress?.Report(totals);
            }
        }

        (importId, totals) = await WriteAsync(connection, request, importId, resumedAt, batch, totals, finish: true, cancellationToken).ConfigureAwait(false);
        progress?.Report(totals);
        return new ImportSummary(importId.Value, totals.Accepted, totals.Duplicates, totals.Quarantined, rejected) { ResumedAt = resume?.RowsRead, Skipped = skipped };
    }

    public async IAsyncEnumerable<StoredReport> ReportsAsync(ReportQuery query, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand { Connection = connection };
        var where = new List<string>();
        if (query.From is { } from)
        {
            where.Add(Bound(command, "latest_time", ">=", from));
        }

        if (query.To is { } to)
        {
            where.Add(Bound(command, "start_time", "<", to));
        }

        if (query.FirstId is { } first)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = first });
            where.Add("id >= $" + command.Parameters.Count);
        }

        if (query.LastId is { } last)
        {
            command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = last });
            where.Add("id <= $" + command.Parameters.Count);
        }

        command.CommandText = PostgresColumns.Select + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") +
            " ORDER BY start_time ASC NULLS LAST, start_time_ticks, id";
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return PostgresColumns.Read(reader);
        }
    }

    public Task<IReadOnlyList<QuarantineEntry>> QuarantineAsync(QuarantineStatus? status = null, int limit = 1000, CancellationToken cancellationToken = default) =>
        PostgresQuarantine.ListAsync(_dataSource, status, limit, cancellationToken);

    public async Task<QuarantineEntry?> QuarantinedRowAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        return await PostgresQuarantine.OneAsync(connection, id, cancellationToken).ConfigureAwait(false);
    }

    public Task<EditResult<QuarantineEntry>> DecideQuarantineAsync(long id, long expectedVersion, QuarantineDecision decision, CancellationToken cancellationToken = default) =>
        PostgresQuarantine.DecideAsync(_dataSource, _time, id, expectedVersion, decision, cancellationToken);

    public Task<bool> RecordTermsAsync(TermsVersion terms, CancellationToken cancellationToken = default) =>
        PostgresJudging.RecordTermsAsync(_dataSource, _time, terms, cancellationToken);

    public Task<int> EnqueueJudgingAsync(TermsVersion terms, CancellationToken cancellationToken = default) =>
        PostgresJudging.EnqueueAsync(_dataSource, _time, terms, cancellationToken);

    public Task<JudgingJob?> ClaimJudgingJobAsync(string worker, TimeSpan staleAfter, CancellationToken cancellationToken = default) =>
        PostgresJudging.ClaimAsync(_dataSource, _time, worker, staleAfter, cancellationToken);

    public Task<bool> CompleteJudgingJobAsync(JudgingJob job, int agreementVersion, IReadOnlyList<StoredVerdict> verdicts, CancellationToken cancellationToken = default) =>
        PostgresJudging.CompleteAsync(_dataSource, _time, job, agreementVersion, verdicts, cancellationToken);

    public Task FailJudgingJobAsync(JudgingJob job, string error, int maxAttempts, CancellationToken cancellationToken = default) =>
        PostgresJudging.FailAsync(_dataSource, _time, job, error, maxAttempts, cancellationToken);

    public Task<JobCounts> JudgingJobsAsync(CancellationToken cancellationToken = default) => PostgresJudging.CountsAsync(_dataSource, cancellationToken);

    public IAsyncEnumerable<StoredAssessment> AssessmentsAsync(string agreementId, CancellationToken cancellationToken = default) =>
        PostgresJudging.AssessmentsAsync(_dataSource, agreementId, cancellationToken);

    public async Task<ReportProvenance?> ReportAsync(long id, CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(PostgresColumns.Select.Replace("\nFROM reports",
            ", import_id, line, payload, payload_sha256, i.file_name, i.format, i.started_at\nFROM reports JOIN imports i ON i.id = reports.import_id", StringComparison.Ordinal)
            .Replace("SELECT id,", "SELECT reports.id,", StringComparison.Ordinal) + " WHERE reports.id = $1");
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = id });
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            return null;
        }

        const int Extra = PostgresColumns.SelectCount;
        return new ReportProvenance(PostgresColumns.Read(reader), reader.GetInt64(Extra), reader.GetString(Extra + 4), reader.GetString(Extra + 5),
            reader.GetFieldValue<DateTimeOffset>(Extra + 6), reader.GetInt64(Extra + 1), reader.GetString(Extra + 2), reader.GetString(Extra + 3));
    }

    public async Task<long> CountReportsAsync(CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand("SELECT count(*) FROM reports");
        return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    public async IAsyncEnumerable<LedgerEvent> LedgerAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using var command = _dataSource.CreateCommand(LedgerRows.Select);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return LedgerRows.Read(reader, out var unreadable) ?? throw new InvalidDataException(unreadable);
        }
    }

    public async Task<LedgerVerification> VerifyLedgerAsync(CancellationToken cancellationToken = default)
    {
        // One statement, so one snapshot: entries committed while the walk runs are not half-seen. Npgsql streams the rows.
        await using var command = _dataSource.CreateCommand(LedgerRows.Select);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var verifier = new LedgerVerifier();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            if (LedgerRows.Read(reader, out var unreadable) is not { } e)
            {
                return verifier.Fail(reader.GetInt64(0), unreadable!);
            }

            if (!verifier.Add(e))
            {
                break;
            }
        }

        return verifier.Result;
    }

    public ValueTask DisposeAsync() => _dataSource.DisposeAsync();

    /// <summary>
    /// Writes one batch in its own transaction: take the ledger lock, COPY into staging tables, move what is new, and append the
    /// ledger entries for what moved. The first batch also records the import itself, so an import whose first batch never committed
    /// leaves no trace. Should PostgreSQL still abort a batch to break a deadlock (with a writer that does not take the ledger lock),
    /// the batch is idempotent and is simply run again.
    /// </summary>
    private async Task<(long ImportId, ImportProgress After)> WriteAsync(
        NpgsqlConnection connection, ImportRequest request, long? importId, long? resumedAt, Batch batch, ImportProgress before, bool finish, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                var ledger = await PostgresLedger.BeginAsync(transaction, _time, cancellationToken).ConfigureAwait(false);
                var id = importId ?? await StartAsync(connection, request, cancellationToken).ConfigureAwait(false);
                if (importId is null)
                {
                    ledger.Add(ImportChanges.Started(id, request));
                }
                else if (resumedAt is { } from)
                {
                    ledger.Add(ImportChanges.Resumed(id, from));
                }

                var changes = new List<Moved>();
                var inserted = await InsertReportsAsync(connection, id, batch, changes, cancellationToken).ConfigureAwait(false);
                await QuarantineAsync(connection, request, id, batch, changes, cancellationToken).ConfigureAwait(false);

                // In file order, as SQLite appends them row by row. A line is either a report or a quarantined row; the row id breaks
                // ties between reports a multi-record line (never two kinds) produced.
                changes.Sort((a, b) => a.Line != b.Line ? a.Line.CompareTo(b.Line) : a.Id.CompareTo(b.Id));
                var reports = new ReportsEntry(id);
                foreach (var moved in changes)
                {
                    if (moved.Quarantine is { } quarantined)
                    {
                        Add(ledger, reports);
                        ledger.Add(quarantined);
                    }
                    else
                    {
                        reports.Add(moved.Key, moved.Line, moved.PayloadSha256);
                        if (reports.IsFull)
                        {
                            Add(ledger, reports);
                        }
                    }
                }

                Add(ledger, reports);

                var after = new ImportProgress(
                    before.RowsRead + batch.Count,
                    before.Accepted + inserted,
                    before.Duplicates + batch.Accepted.Count - inserted,
                    before.Quarantined + batch.Rejected.Count);
                if (finish)
                {
                    await FinishAsync(connection, id, after, cancellationToken).ConfigureAwait(false);
                    ledger.Add(ImportChanges.Finished(id, after));
                }
                else
                {
                    await SaveCheckpointAsync(connection, id, after, cancellationToken).ConfigureAwait(false);
                }

                await ledger.FlushAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return (id, after);
            }
            catch (PostgresException e) when (e.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < Attempts)
            {
                await transaction.RollbackAsync(cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private async Task<long> StartAsync(NpgsqlConnection connection, ImportRequest request, CancellationToken cancellationToken)
    {
        await using var start = new NpgsqlCommand("INSERT INTO imports (file_name, format, started_at, content_sha256) VALUES ($1, $2, $3, $4) RETURNING id", connection);
        start.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.FileName });
        start.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Format });
        start.Parameters.Add(Now());
        start.Parameters.Add(new NpgsqlParameter { Value = (object?)request.ContentSha256 ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        return (long)(await start.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    /// <summary>Stores the batch's new reports and notes each for the ledger's <c>reports</c> entries; returns how many were new.</summary>
    private static async Task<long> InsertReportsAsync(
        NpgsqlConnection connection, long importId, Batch batch, List<Moved> changes, CancellationToken cancellationToken)
    {
        if (batch.Accepted.Count == 0)
        {
            return 0;
        }

        if (batch.DirectCopy && !batch.HasRepeatedKeys() && await TryCopyDirectAsync(connection, importId, batch, changes, cancellationToken).ConfigureAwait(false))
        {
            return batch.Accepted.Count;
        }

        await ExecuteAsync(connection, PostgresColumns.CreateStaging, cancellationToken).ConfigureAwait(false);
        await using (var writer = await connection.BeginBinaryImportAsync(PostgresColumns.Copy, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Accepted.Count; i++)
            {
                PostgresColumns.Write(writer, i, batch.Accepted[i]);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = new NpgsqlCommand(PostgresColumns.InsertFromStaging, connection);
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = importId });
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        long inserted = 0;
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            inserted++;
            var line = reader.GetInt64(3);
            changes.Add(new Moved(line, reader.GetInt64(0), new ReportKey(reader.GetString(1), reader.GetString(2)), reader.GetString(4), null));
        }

        return inserted;
    }

    /// <summary>
    /// The fast path for new data: COPY the batch straight into <c>reports</c> (no staging table, no INSERT … SELECT) under a savepoint.
    /// A key already stored makes the COPY fail; the savepoint is rolled back, the batch goes through staging, and so does the rest of
    /// the import. Measured at about 3× the staging path's rows per second (docs/benchmarks.md).
    /// </summary>
    private static async Task<bool> TryCopyDirectAsync(NpgsqlConnection connection, long importId, Batch batch, List<Moved> changes, CancellationToken cancellationToken)
    {
        await ExecuteAsync(connection, "SAVEPOINT direct_copy", cancellationToken).ConfigureAwait(false);
        var hashes = new string[batch.Accepted.Count];
        try
        {
            await using (var writer = await connection.BeginBinaryImportAsync(PostgresColumns.CopyDirect, cancellationToken).ConfigureAwait(false))
            {
                for (var i = 0; i < batch.Accepted.Count; i++)
                {
                    hashes[i] = PostgresColumns.WriteDirect(writer, importId, batch.Accepted[i]);
                }

                await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
            }
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await ExecuteAsync(connection, "ROLLBACK TO SAVEPOINT direct_copy", cancellationToken).ConfigureAwait(false);
            batch.DirectCopy = false;
            return false;
        }

        await ExecuteAsync(connection, "RELEASE SAVEPOINT direct_copy", cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < batch.Accepted.Count; i++)
        {
            var record = batch.Accepted[i];
            changes.Add(new Moved(record.Line, i, record.Report.Key, hashes[i], null));
        }

        return true;
    }

    /// <summary>Quarantines the batch's rejected rows not quarantined before and adds a ledger change for each of those.</summary>
    private static async Task QuarantineAsync(
        NpgsqlConnection connection, ImportRequest request, long importId, Batch batch, List<Moved> changes, CancellationToken cancellationToken)
    {
        if (batch.Rejected.Count == 0)
        {
            return;
        }

        await ExecuteAsync(connection, CreateQuarantineStaging, cancellationToken).ConfigureAwait(false);
        await using (var writer = await connection.BeginBinaryImportAsync(CopyQuarantine, cancellationToken).ConfigureAwait(false))
        {
            for (var i = 0; i < batch.Rejected.Count; i++)
            {
                var row = batch.Rejected[i];
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(i, NpgsqlDbType.Integer, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(row.Line, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(row.Reason, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(row.Payload, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(PostgresColumns.Sha256(row.Payload), NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var insert = new NpgsqlCommand(InsertQuarantine, connection);
        insert.Parameters.Add(new NpgsqlParameter<long> { TypedValue = importId });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.Format });
        insert.Parameters.Add(new NpgsqlParameter<string> { TypedValue = request.FileName });
        await using var reader = await insert.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var line = reader.GetInt64(1);
            changes.Add(new Moved(line, reader.GetInt64(0), default, "", ImportChanges.Quarantined(importId, line, reader.GetString(2), reader.GetString(3))));
        }
    }

    /// <summary>Adds the reports gathered so far, if any, as one entry.</summary>
    private static void Add(PostgresLedger ledger, ReportsEntry reports)
    {
        if (reports.Take() is { } change)
        {
            ledger.Add(change);
        }
    }

    private async Task FinishAsync(NpgsqlConnection connection, long importId, ImportProgress totals, CancellationToken cancellationToken)
    {
        await using var finish = new NpgsqlCommand("UPDATE imports SET finished_at = $1, accepted = $2, duplicates = $3, quarantined = $4, rows_read = $6 WHERE id = $5", connection);
        finish.Parameters.Add(Now());
        finish.Parameters.Add(new NpgsqlParameter<long> { TypedValue = totals.Accepted });
        finish.Parameters.Add(new NpgsqlParameter<long> { TypedValue = totals.Duplicates });
        finish.Parameters.Add(new NpgsqlParameter<long> { TypedValue = totals.Quarantined });
        finish.Parameters.Add(new NpgsqlParameter<long> { TypedValue = importId });
        finish.Parameters.Add(new NpgsqlParameter<long> { TypedValue = totals.RowsRead });
        await finish.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task SaveCheckpointAsync(NpgsqlConnection connection, long importId, ImportProgress totals, CancellationToken cancellationToken)
    {
        await using var save = new NpgsqlCommand(ImportCheckpoint.SaveSql, connection);
        foreach (var value in (long[])[totals.RowsRead, totals.Accepted, totals.Duplicates, totals.Quarantined, importId])
        {
            save.Parameters.Add(new NpgsqlParameter<long> { TypedValue = value });
        }

        await save.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<ImportCheckpoint?> FindUnfinishedAsync(NpgsqlConnection connection, string contentSha256, string format, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(ImportCheckpoint.FindSql, connection);
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = contentSha256 });
        command.Parameters.Add(new NpgsqlParameter<string> { TypedValue = format });
        return await ImportCheckpoint.FindAsync(command, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The advisory-lock key of an import's content: the first 8 bytes of its SHA-256 (hex), which is already uniformly spread.</summary>
    private static long LeaseKey(string contentSha256) =>
        long.Parse(contentSha256.AsSpan(0, 16), System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>
    /// A condition "<paramref name="column"/> <paramref name="op"/> <paramref name="bound"/>" on a time column and its ticks. A bound on
    /// a whole microsecond (every bound a period parses to) compares the timestamptz column alone, exactly and by index; a finer one
    /// compares (column, ticks) as a pair.
    /// </summary>
    private static string Bound(NpgsqlCommand command, string column, string op, DateTimeOffset bound)
    {
        var (micros, ticks) = PostgresColumns.Split(bound);
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = micros, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        var time = "$" + command.Parameters.Count;
        if (ticks == 0)
        {
            return $"{column} {op} {time}";
        }

        command.Parameters.Add(new NpgsqlParameter<short> { TypedValue = ticks });
        return $"({column}, {column}_ticks) {op} ({time}, ${command.Parameters.Count})";
    }

    private NpgsqlParameter<DateTime> Now() => new() { TypedValue = _time.GetUtcNow().UtcDateTime, NpgsqlDbType = NpgsqlDbType.TimestampTz };

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>One batch's rows, held until committed so a batch aborted by a deadlock can be written again.</summary>
    private sealed class Batch
    {
        public List<ReportRecord> Accepted { get; } = [];

        public List<QuarantinedRow> Rejected { get; } = [];

        public int Count { get; private set; }

        public void Add(ImportItem item)
        {
            Count++;
            switch (item)
            {
                case ImportItem.Accepted a:
                    Accepted.Add(a.Record);
                    break;
                case ImportItem.Rejected r:
                    Rejected.Add(r.Row);
                    break;
            }
        }

        /// <summary>
        /// Whether this import may still COPY straight into <c>reports</c>: true until a batch meets a key already stored (a re-run, an
        /// overlapping file), after which the rest of the import goes through staging, which skips such keys without an error.
        /// </summary>
        public bool DirectCopy { get; set; } = true;

        /// <summary>Whether two accepted rows of the batch share a key (the second must count as a duplicate, which only staging does).</summary>
        public bool HasRepeatedKeys()
        {
            var keys = new HashSet<ReportKey>(Accepted.Count);
            foreach (var r in Accepted)
            {
                if (!keys.Add(r.Report.Key))
                {
                    return true;
                }
            }

            return false;
        }

        public void Clear()
        {
            Accepted.Clear();
            Rejected.Clear();
            Count = 0;
        }
    }

    /// <summary>A row a batch moved into the store: a report (its key and payload hash) or a quarantined row (its ledger change).</summary>
    private readonly record struct Moved(long Line, long Id, ReportKey Key, string PayloadSha256, LedgerChange? Quarantine);
}
