namespace TruceWatch.Storage.Judging;

/// <summary>The judging statements both backends share (parameters as <c>@name</c>, which both accept).</summary>
internal static class JudgingSql
{
    /// <summary>Reports per job: one ledger entry's worth of verdicts (the same number is written into <see cref="Unjudged"/>).</summary>
    public const int JobSize = 1000;

    /// <summary>
    /// The id ranges, of <see cref="JobSize"/> reports each, of reports without a verdict under the given terms
    /// (<c>@agreement</c>, <c>@sha</c>): new reports, or all of them after the terms changed.
    /// </summary>
    public const string Unjudged = """
        SELECT min(id), max(id) FROM (
            SELECT r.id, (row_number() OVER (ORDER BY r.id) - 1) / 1000 AS chunk
            FROM reports r
            WHERE NOT EXISTS (SELECT 1 FROM assessments a WHERE a.agreement_id = @agreement AND a.report_id = r.id AND a.terms_sha256 = @sha)
        ) AS numbered
        GROUP BY chunk
        ORDER BY 1
        """;

    /// <summary>Whether jobs for these terms are already waiting or running: enqueuing again would only repeat them.</summary>
    public const string Pending = "SELECT EXISTS (SELECT 1 FROM judging_jobs WHERE agreement_id = @agreement AND terms_sha256 = @sha AND state IN ('queued', 'running'))";

    public const string Counts = "SELECT state, count(*) FROM judging_jobs GROUP BY state";

    public const string SelectAssessments = """
        SELECT report_id, agreement_id, agreement_version, terms_sha256, verdict, reason, missing, job_id
        FROM assessments WHERE agreement_id = @agreement ORDER BY report_id
        """;

    /// <summary>Marks a job done, if this worker still holds it (a stale job may have been retaken by another).</summary>
    public const string Done = "UPDATE judging_jobs SET state = 'done', finished_at = @now, error = NULL WHERE id = @id AND state = 'running' AND taken_by = @worker";

    /// <summary>Gives a job back after an error, or fails it for good after <c>@max_attempts</c>.</summary>
    public const string Fail = """
        UPDATE judging_jobs SET state = CASE WHEN attempts >= @max_attempts THEN 'failed' ELSE 'queued' END, error = @error, finished_at = @now
        WHERE id = @id AND state = 'running' AND taken_by = @worker
        """;

    public const string Upsert = """
        INSERT INTO assessments (agreement_id, report_id, agreement_version, terms_sha256, verdict, reason, missing, job_id, judged_at)
        VALUES (@agreement, @report, @version, @sha, @verdict, @reason, @missing, @job, @now)
        ON CONFLICT (agreement_id, report_id) DO UPDATE SET agreement_version = excluded.agreement_version, terms_sha256 = excluded.terms_sha256,
            verdict = excluded.verdict, reason = excluded.reason, missing = excluded.missing, job_id = excluded.job_id, judged_at = excluded.judged_at
        """;
}
