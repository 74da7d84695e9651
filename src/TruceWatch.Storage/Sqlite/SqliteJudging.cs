using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using TruceWatch.Storage.Judging;

namespace TruceWatch.Storage.Sqlite;

/// <summary>
/// Judging on SQLite: terms versions, the job queue and stored verdicts. SQLite has one writer at a time, so taking a job is a single
/// UPDATE … RETURNING inside an IMMEDIATE transaction: two workers can never take the same job.
/// </summary>
internal static class SqliteJudging
{
    public static async Task<bool> RecordTermsAsync(SqliteConnection connection, TimeProvider time, TermsVersion terms, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var ledger = new SqliteLedger(connection, time);
        ledger.ReadHead();
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO terms_versions (agreement_id, version, sha256, recorded_at) VALUES (@agreement, @version, @sha, @now) ON CONFLICT DO NOTHING";
        insert.Parameters.AddWithValue("@agreement", terms.AgreementId);
        insert.Parameters.AddWithValue("@version", terms.Version);
        insert.Parameters.AddWithValue("@sha", terms.Sha256);
        insert.Parameters.AddWithValue("@now", ReportColumns.Text(time.GetUtcNow()));
        if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        ledger.Append(JudgingChanges.Terms(terms));
        transaction.Commit();
        return true;
    }

    public static async Task<int> EnqueueAsync(SqliteConnection connection, TimeProvider time, TermsVersion terms, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        await using (var pending = Command(connection, transaction, JudgingSql.Pending, terms))
        {
            if ((long)(await pending.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))! != 0)
            {
                return 0;
            }
        }

        var ranges = new List<(long First, long Last)>();
        await using (var unjudged = Command(connection, transaction, JudgingSql.Unjudged, terms))
        await using (var reader = await unjudged.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                ranges.Add((reader.GetInt64(0), reader.GetInt64(1)));
            }
        }

        await using var insert = Command(connection, transaction, """
            INSERT INTO judging_jobs (agreement_id, terms_sha256, first_report_id, last_report_id, queued_at) VALUES (@agreement, @sha, @first, @last, @now)
            """, terms);
        var first = insert.Parameters.Add("@first", SqliteType.Integer);
        var last = insert.Parameters.Add("@last", SqliteType.Integer);
        insert.Parameters.AddWithValue("@now", ReportColumns.Text(time.GetUtcNow()));
        foreach (var (f, l) in ranges)
        {
            first.Value = f;
            last.Value = l;
            await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        transaction.Commit();
        return ranges.Count;
    }

    public static async Task<JudgingJob?> ClaimAsync(SqliteConnection connection, TimeProvider time, string worker, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        await using var claim = connection.CreateCommand();
        claim.Transaction = transaction;
        claim.CommandText = """
            UPDATE judging_jobs SET state = 'running', taken_by = @worker, taken_at = @now, attempts = attempts + 1
            WHERE id = (SELECT id FROM judging_jobs WHERE state = 'queued' OR (state = 'running' AND taken_at < @stale) ORDER BY id LIMIT 1)
            RETURNING id, agreement_id, terms_sha256, first_report_id, last_report_id, attempts
            """;
        var now = time.GetUtcNow();
        claim.Parameters.AddWithValue("@worker", worker);
        claim.Parameters.AddWithValue("@now", ReportColumns.Text(now));
        claim.Parameters.AddWithValue("@stale", ReportColumns.Text(now - staleAfter));
        JudgingJob? job = null;
        await using (var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                job = new JudgingJob(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt32(5), worker);
            }
        }

        transaction.Commit();
        return job;
    }

    public static async Task<bool> CompleteAsync(
        SqliteConnection connection, TimeProvider time, JudgingJob job, int agreementVersion, IReadOnlyList<StoredVerdict> verdicts, CancellationToken cancellationToken)
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        using var ledger = new SqliteLedger(connection, time);
        ledger.ReadHead();
        var now = ReportColumns.Text(time.GetUtcNow());
        await using (var done = connection.CreateCommand())
        {
            done.Transaction = transaction;
            done.CommandText = JudgingSql.Done;
            done.Parameters.AddWithValue("@id", job.Id);
            done.Parameters.AddWithValue("@worker", job.TakenBy);
            done.Parameters.AddWithValue("@now", now);
            if (await done.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                // Retaken by another worker after this one was taken for dead: its verdicts will be stored by that one.
                return false;
            }
        }

        await using var upsert = connection.CreateCommand();
        upsert.Transaction = transaction;
        upsert.CommandText = JudgingSql.Upsert;
        upsert.Parameters.AddWithValue("@agreement", job.AgreementId);
        var version = upsert.Parameters.Add("@version", SqliteType.Integer);
        upsert.Parameters.AddWithValue("@sha", job.TermsSha256);
        upsert.Parameters.AddWithValue("@job", job.Id);
        upsert.Parameters.AddWithValue("@now", now);
        var report = upsert.Parameters.Add("@report", SqliteType.Integer);
        var verdict = upsert.Parameters.Add("@verdict", SqliteType.Text);
        var reason = upsert.Parameters.Add("@reason", SqliteType.Text);
        var missing = upsert.Parameters.Add("@missing", SqliteType.Text);
        upsert.Prepare();
        foreach (var v in verdicts)
        {
            report.Value = v.ReportId;
            version.Value = v.Version ?? agreementVersion;
            verdict.Value = v.Verdict;
            reason.Value = v.Reason;
            missing.Value = (object?)v.Missing ?? DBNull.Value;
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        ledger.Append(JudgingChanges.Assessments(job, agreementVersion, verdicts));
        transaction.Commit();
        return true;
    }

    public static async Task FailAsync(SqliteConnection connection, TimeProvider time, JudgingJob job, string error, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var fail = connection.CreateCommand();
        fail.CommandText = JudgingSql.Fail;
        fail.Parameters.AddWithValue("@id", job.Id);
        fail.Parameters.AddWithValue("@worker", job.TakenBy);
        fail.Parameters.AddWithValue("@error", error);
        fail.Parameters.AddWithValue("@max_attempts", maxAttempts);
        fail.Parameters.AddWithValue("@now", ReportColumns.Text(time.GetUtcNow()));
        await fail.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<JobCounts> CountsAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = JudgingSql.Counts;
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return new JobCounts(counts.GetValueOrDefault("queued"), counts.GetValueOrDefault("running"), counts.GetValueOrDefault("done"), counts.GetValueOrDefault("failed"));
    }

    public static async IAsyncEnumerable<StoredAssessment> AssessmentsAsync(SqliteConnection connection, string agreementId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = JudgingSql.SelectAssessments;
        command.Parameters.AddWithValue("@agreement", agreementId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredAssessment(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7));
        }
    }

    private static SqliteCommand Command(SqliteConnection connection, SqliteTransaction transaction, string sql, TermsVersion terms)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        command.Parameters.AddWithValue("@agreement", terms.AgreementId);
        command.Parameters.AddWithValue("@sha", terms.Sha256);
        return command;
    }
}
