using System.Runtime.CompilerServices;
using Npgsql;
using NpgsqlTypes;
using TruceWatch.Storage.Judging;

namespace TruceWatch.Storage.Postgres;

/// <summary>
/// Judging on PostgreSQL: terms versions, the job queue and stored verdicts. Workers on any number of nodes take jobs with
/// <c>FOR UPDATE SKIP LOCKED</c>, so none waits on another's job and no job is taken twice; writes that append to the ledger take the
/// ledger lock first, as imports do.
/// </summary>
internal static class PostgresJudging
{
    public static async Task<bool> RecordTermsAsync(NpgsqlDataSource dataSource, TimeProvider time, TermsVersion terms, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ledger = await PostgresLedger.BeginAsync(transaction, time, cancellationToken).ConfigureAwait(false);
        await using var insert = new NpgsqlCommand(
            "INSERT INTO terms_versions (agreement_id, version, sha256, recorded_at) VALUES (@agreement, @version, @sha, @now) ON CONFLICT DO NOTHING", connection);
        insert.Parameters.Add(new NpgsqlParameter<string>("agreement", terms.AgreementId));
        insert.Parameters.Add(new NpgsqlParameter<int>("version", terms.Version));
        insert.Parameters.Add(new NpgsqlParameter<string>("sha", terms.Sha256));
        insert.Parameters.Add(Now(time));
        if (await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
        {
            return false;
        }

        ledger.Add(JudgingChanges.Terms(terms));
        await ledger.FlushAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public static async Task<int> EnqueueAsync(NpgsqlDataSource dataSource, TimeProvider time, TermsVersion terms, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);

        // Two nodes enqueuing the same terms at once would each see nothing pending; a lock per (agreement, terms) serialises them.
        await using (var gate = new NpgsqlCommand("SELECT pg_advisory_xact_lock(hashtextextended(@agreement || ':' || @sha, 0))", connection))
        {
            AddTerms(gate, terms);
            await gate.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using (var pending = new NpgsqlCommand(JudgingSql.Pending, connection))
        {
            AddTerms(pending, terms);
            if ((bool)(await pending.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!)
            {
                return 0;
            }
        }

        await using var insert = new NpgsqlCommand(
            "INSERT INTO judging_jobs (agreement_id, terms_sha256, first_report_id, last_report_id, queued_at) " +
            "SELECT @agreement, @sha, ranges.min, ranges.max, @now FROM (" + JudgingSql.Unjudged + ") AS ranges", connection);
        AddTerms(insert, terms);
        insert.Parameters.Add(Now(time));
        var queued = await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return queued;
    }

    public static async Task<JudgingJob?> ClaimAsync(NpgsqlDataSource dataSource, TimeProvider time, string worker, TimeSpan staleAfter, CancellationToken cancellationToken)
    {
        await using var claim = dataSource.CreateCommand("""
            UPDATE judging_jobs SET state = 'running', taken_by = @worker, taken_at = @now, attempts = attempts + 1
            WHERE id = (
                SELECT id FROM judging_jobs WHERE state = 'queued' OR (state = 'running' AND taken_at < @stale)
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED)
            RETURNING id, agreement_id, terms_sha256, first_report_id, last_report_id, attempts
            """);
        var now = time.GetUtcNow();
        claim.Parameters.Add(new NpgsqlParameter<string>("worker", worker));
        claim.Parameters.Add(Now(time));
        claim.Parameters.Add(new NpgsqlParameter<DateTime>("stale", (now - staleAfter).UtcDateTime) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new JudgingJob(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3), reader.GetInt64(4), reader.GetInt32(5), worker)
            : null;
    }

    public static async Task<bool> CompleteAsync(
        NpgsqlDataSource dataSource, TimeProvider time, JudgingJob job, int agreementVersion, IReadOnlyList<StoredVerdict> verdicts, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ledger = await PostgresLedger.BeginAsync(transaction, time, cancellationToken).ConfigureAwait(false);
        await using (var done = new NpgsqlCommand(JudgingSql.Done, connection))
        {
            done.Parameters.Add(new NpgsqlParameter<long>("id", job.Id));
            done.Parameters.Add(new NpgsqlParameter<string>("worker", job.TakenBy));
            done.Parameters.Add(Now(time));
            if (await done.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) == 0)
            {
                return false;
            }
        }

        // One statement for the whole job: the verdicts travel as arrays and are unnested server-side.
        await using (var upsert = new NpgsqlCommand("""
            INSERT INTO assessments (agreement_id, report_id, agreement_version, terms_sha256, verdict, reason, missing, job_id, judged_at)
            SELECT @agreement, v.report, v.version, @sha, v.verdict, v.reason, v.missing, @job, @now
            FROM unnest(@reports, @versions, @verdicts, @reasons, @missings) AS v (report, version, verdict, reason, missing)
            ON CONFLICT (agreement_id, report_id) DO UPDATE SET agreement_version = excluded.agreement_version, terms_sha256 = excluded.terms_sha256,
                verdict = excluded.verdict, reason = excluded.reason, missing = excluded.missing, job_id = excluded.job_id, judged_at = excluded.judged_at
            """, connection))
        {
            upsert.Parameters.Add(new NpgsqlParameter<string>("agreement", job.AgreementId));
            upsert.Parameters.Add(new NpgsqlParameter<int[]>("versions", [.. verdicts.Select(v => v.Version ?? agreementVersion)]));
            upsert.Parameters.Add(new NpgsqlParameter<string>("sha", job.TermsSha256));
            upsert.Parameters.Add(new NpgsqlParameter<long>("job", job.Id));
            upsert.Parameters.Add(Now(time));
            upsert.Parameters.Add(new NpgsqlParameter<long[]>("reports", [.. verdicts.Select(v => v.ReportId)]));
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("verdicts", [.. verdicts.Select(v => v.Verdict)]));
            upsert.Parameters.Add(new NpgsqlParameter<string[]>("reasons", [.. verdicts.Select(v => v.Reason)]));
            upsert.Parameters.Add(new NpgsqlParameter<string?[]>("missings", [.. verdicts.Select(v => v.Missing)]) { NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await upsert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        ledger.Add(JudgingChanges.Assessments(job, agreementVersion, verdicts));
        await ledger.FlushAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return true;
    }

    public static async Task FailAsync(NpgsqlDataSource dataSource, TimeProvider time, JudgingJob job, string error, int maxAttempts, CancellationToken cancellationToken)
    {
        await using var fail = dataSource.CreateCommand(JudgingSql.Fail);
        fail.Parameters.Add(new NpgsqlParameter<long>("id", job.Id));
        fail.Parameters.Add(new NpgsqlParameter<string>("worker", job.TakenBy));
        fail.Parameters.Add(new NpgsqlParameter<string>("error", error));
        fail.Parameters.Add(new NpgsqlParameter<int>("max_attempts", maxAttempts));
        fail.Parameters.Add(Now(time));
        await fail.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    public static async Task<JobCounts> CountsAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(JudgingSql.Counts);
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return new JobCounts(counts.GetValueOrDefault("queued"), counts.GetValueOrDefault("running"), counts.GetValueOrDefault("done"), counts.GetValueOrDefault("failed"));
    }

    public static async IAsyncEnumerable<StoredAssessment> AssessmentsAsync(NpgsqlDataSource dataSource, string agreementId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(JudgingSql.SelectAssessments);
        command.Parameters.Add(new NpgsqlParameter<string>("agreement", agreementId));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            yield return new StoredAssessment(reader.GetInt64(0), reader.GetString(1), reader.GetInt32(2), reader.GetString(3), reader.GetString(4), reader.GetString(5),
                reader.IsDBNull(6) ? null : reader.GetString(6), reader.GetInt64(7));
        }
    }

    private static void AddTerms(NpgsqlCommand command, TermsVersion terms)
    {
        command.Parameters.Add(new NpgsqlParameter<string>("agreement", terms.AgreementId));
        command.Parameters.Add(new NpgsqlParameter<string>("sha", terms.Sha256));
    }

    private static NpgsqlParameter<DateTime> Now(TimeProvider time) => new("now", time.GetUtcNow().UtcDateTime) { NpgsqlDbType = NpgsqlDbType.TimestampTz };
}
