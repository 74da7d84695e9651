namespace TruceWatch.Storage.Judging;

/// <summary>One version of an agreement's terms as judged with: its id and version as written, and the SHA-256 of its file.</summary>
public sealed record TermsVersion(string AgreementId, int Version, string Sha256);

/// <summary>A job taken from the queue: judge reports <see cref="FirstReportId"/>..<see cref="LastReportId"/> under one terms version.</summary>
public sealed record JudgingJob(long Id, string AgreementId, string TermsSha256, long FirstReportId, long LastReportId, int Attempts, string TakenBy);

/// <summary>
/// One report's verdict as a job stores it; the full trace can be recomputed from the report and the recorded terms version.
/// <see cref="Version"/> is the version of amended terms it was judged under, when not the job's own.
/// </summary>
public sealed record StoredVerdict(long ReportId, string ReportKey, string Verdict, string Reason, string? Missing, int? Version = null);

/// <summary>How many jobs are in each state.</summary>
public sealed record JobCounts(long Queued, long Running, long Done, long Failed)
{
    public long Open => Queued + Running;
}

/// <summary>A verdict as stored, with the terms version it was made under.</summary>
public sealed record StoredAssessment(long ReportId, string AgreementId, int AgreementVersion, string TermsSha256, string Verdict, string Reason, string? Missing, long JobId);
