namespace TruceWatch.Storage.Judging;

/// <summary>
/// The store's judging side: terms versions, the queue of judging jobs any number of workers share, and the verdicts they store.
/// Every store implements it (<see cref="IReportStore"/> extends it); <see cref="JudgingWorker"/> drives it.
/// </summary>
public interface IJudgingStore
{
    /// <summary>Records a terms version the first time it is judged with, appending a <c>terms</c> ledger entry; false if already known.</summary>
    Task<bool> RecordTermsAsync(TermsVersion terms, CancellationToken cancellationToken = default);

    /// <summary>
    /// Queues jobs for every report without a verdict under <paramref name="terms"/> (all of them after the terms changed, only the new
    /// ones otherwise); none while jobs for the same terms are still waiting or running. Returns the jobs queued.
    /// </summary>
    Task<int> EnqueueJudgingAsync(TermsVersion terms, CancellationToken cancellationToken = default);

    /// <summary>Takes the oldest waiting job, or one whose worker has held it longer than <paramref name="staleAfter"/>; <c>null</c> when none.</summary>
    Task<JudgingJob?> ClaimJudgingJobAsync(string worker, TimeSpan staleAfter, CancellationToken cancellationToken = default);

    /// <summary>
    /// Stores the job's verdicts, appends them to the ledger and marks the job done, in one transaction; false (and nothing stored) when
    /// the job was meanwhile retaken by another worker.
    /// </summary>
    Task<bool> CompleteJudgingJobAsync(JudgingJob job, int agreementVersion, IReadOnlyList<StoredVerdict> verdicts, CancellationToken cancellationToken = default);

    /// <summary>Gives the job back to the queue with the error, or marks it failed once it has been tried <paramref name="maxAttempts"/> times.</summary>
    Task FailJudgingJobAsync(JudgingJob job, string error, int maxAttempts, CancellationToken cancellationToken = default);

    /// <summary>How many jobs are in each state.</summary>
    Task<JobCounts> JudgingJobsAsync(CancellationToken cancellationToken = default);

    /// <summary>The stored verdicts under one agreement, by report id.</summary>
    IAsyncEnumerable<StoredAssessment> AssessmentsAsync(string agreementId, CancellationToken cancellationToken = default);
}
