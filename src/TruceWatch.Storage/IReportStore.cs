using TruceWatch.Core.Ledger;
using TruceWatch.Core.Reports;
using TruceWatch.Storage.Edits;
using TruceWatch.Storage.Judging;
using TruceWatch.Storage.Quarantine;

namespace TruceWatch.Storage;

/// <summary>Where reports live. One interface for every backend; the same test suite runs against each.</summary>
public interface IReportStore : IJudgingStore, IAsyncDisposable
{
    /// <summary>Applies every migration not yet applied. Safe to call on every start.</summary>
    Task MigrateAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores accepted rows and quarantines rejected ones, committing in batches. A report whose (source, source_record_id) is already
    /// stored is counted as a duplicate and left alone, so running the same import again adds nothing.
    /// </summary>
    Task<ImportSummary> ImportAsync(ImportRequest request, IEnumerable<ImportItem> items, IProgress<ImportProgress>? progress = null, CancellationToken cancellationToken = default);

    /// <summary>Stored reports whose possible time overlaps [from, to), in time order; reports with unknown time come last.</summary>
    IAsyncEnumerable<StoredReport> ReportsAsync(ReportQuery query, CancellationToken cancellationToken = default);

    /// <summary>Quarantined rows, newest import first; only those of <paramref name="status"/> when it is given.</summary>
    Task<IReadOnlyList<QuarantineEntry>> QuarantineAsync(QuarantineStatus? status = null, int limit = 1000, CancellationToken cancellationToken = default);

    /// <summary>One quarantined row, or <c>null</c>.</summary>
    Task<QuarantineEntry?> QuarantinedRowAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a review decision on a quarantined row if it is still at <paramref name="expectedVersion"/> (optimistic concurrency), and
    /// appends it to the ledger in the same transaction. A stale version gets <see cref="EditResult{T}.Conflict"/> with the row as it is.
    /// </summary>
    Task<EditResult<QuarantineEntry>> DecideQuarantineAsync(long id, long expectedVersion, QuarantineDecision decision, CancellationToken cancellationToken = default);

    /// <summary>One stored report with where it came from: the import (file, format, when), its line and the verbatim row; or <c>null</c>.</summary>
    Task<ReportProvenance?> ReportAsync(long id, CancellationToken cancellationToken = default);

    /// <summary>How many reports are stored.</summary>
    Task<long> CountReportsAsync(CancellationToken cancellationToken = default);

    /// <summary>The ledger, every entry in sequence order, streamed as read (docs/ledger.md).</summary>
    /// <exception cref="InvalidDataException">An entry was edited by hand into something that is no ledger entry (e.g. its time).</exception>
    IAsyncEnumerable<LedgerEvent> LedgerAsync(CancellationToken cancellationToken = default);

    /// <summary>Recomputes the whole chain as it streams by and names the first entry that does not fit; holds one entry at a time.</summary>
    Task<LedgerVerification> VerifyLedgerAsync(CancellationToken cancellationToken = default);
}

/// <summary>
/// What is being imported: the file's name as given and the format it was read as; with <see cref="ContentSha256"/> (the SHA-256 of the
/// file's bytes) the import is resumable: it takes a lease on that content, and an unfinished import of the same bytes and format
/// (a process killed mid-way) is continued from its last committed checkpoint instead of started again.
/// </summary>
public sealed record ImportRequest(string FileName, string Format, string? ContentSha256 = null);

/// <summary>Progress of a running import.</summary>
public readonly record struct ImportProgress(long RowsRead, long Accepted, long Duplicates, long Quarantined);

/// <summary>What an import did, totals over every run of it when it was resumed.</summary>
public sealed record ImportSummary(long ImportId, long Accepted, long Duplicates, long Quarantined, IReadOnlyList<QuarantinedRow> Rejected)
{
    /// <summary>The row an unfinished import was continued from (its checkpoint), or <c>null</c> when it started from the top.</summary>
    public long? ResumedAt { get; init; }

    /// <summary>Rows read without fault that hold no report (<see cref="ImportItem.Skipped"/>), counted by reason; neither stored nor quarantined.</summary>
    public IReadOnlyDictionary<string, long> Skipped { get; init; } = new Dictionary<string, long>();
}

/// <summary>A filter on stored reports; <c>null</c> bounds are open.</summary>
public sealed record ReportQuery(DateTimeOffset? From = null, DateTimeOffset? To = null)
{
    /// <summary>Only reports with an id at least this (a judging job's range).</summary>
    public long? FirstId { get; init; }

    /// <summary>Only reports with an id at most this.</summary>
    public long? LastId { get; init; }

    public static readonly ReportQuery All = new();
}

/// <summary>A report as stored, with its row id.</summary>
public sealed record StoredReport(long Id, Report Report);

/// <summary>A stored report and its provenance.</summary>
public sealed record ReportProvenance(StoredReport Stored, long ImportId, string FileName, string Format, DateTimeOffset ImportedAt, long Line, string Payload, string PayloadSha256);

/// <summary>A quarantined row as stored, with where it stands in review and the version an edit must name.</summary>
public sealed record QuarantineEntry(long Id, long ImportId, string Format, string FileName, long Line, string Reason, string Payload)
{
    public QuarantineStatus Status { get; init; } = QuarantineStatus.Open;

    /// <summary>1 when quarantined; one more with every decision.</summary>
    public long Version { get; init; } = 1;

    public string? DecidedBy { get; init; }

    public DateTimeOffset? DecidedAt { get; init; }

    public string? Note { get; init; }
}
