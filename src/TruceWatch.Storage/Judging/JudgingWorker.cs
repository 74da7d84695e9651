using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;

namespace TruceWatch.Storage.Judging;

/// <summary>Terms a worker judges with: the agreement as parsed and the SHA-256 of the file it came from.</summary>
public sealed record TermsInForce(Agreement Agreement, string Sha256)
{
    public TermsVersion Version => new(Agreement.Id, Agreement.Version, Sha256);

    /// <summary>The agreement parsed from the terms file at <paramref name="path"/>, identified by that file's SHA-256.</summary>
    public static TermsInForce Of(Agreement agreement, string path) =>
        new(agreement, Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path))));
}

/// <summary>What a worker has done so far.</summary>
public readonly record struct WorkDone(int Jobs, long Verdicts, int Failed, int Superseded);

/// <summary>
/// Takes judging jobs from the store's queue and runs them: loads the job's reports, judges each against the job's terms, and hands the
/// verdicts back to be stored with their ledger entry. Any number of workers, in one process or many, can share one queue.
/// </summary>
public sealed class JudgingWorker(IReportStore store, IReadOnlyList<TermsInForce> terms, string name, Core.Geography.IGeography? map = null)
{
    /// <summary>A job held this long is taken for abandoned (its worker died) and given to another.</summary>
    public static readonly TimeSpan StaleAfter = TimeSpan.FromMinutes(10);

    /// <summary>Reports per job.</summary>
    public const int JobSize = JudgingSql.JobSize;

    /// <summary>Tries before a job that keeps failing is set aside as failed.</summary>
    public const int MaxAttempts = 3;

    private readonly Dictionary<string, TermsInForce> _terms = terms.ToDictionary(t => t.Agreement.Id, StringComparer.Ordinal);

    /// <summary>Records each agreement's terms version (the ledger learns of a new one) and queues whatever is not yet judged under it.</summary>
    public async Task<int> QueueAsync(CancellationToken cancellationToken = default)
    {
        var queued = 0;
        foreach (var t in _terms.Values)
        {
            await store.RecordTermsAsync(t.Version, cancellationToken).ConfigureAwait(false);
            queued += await store.EnqueueJudgingAsync(t.Version, cancellationToken).ConfigureAwait(false);
        }

        return queued;
    }

    /// <summary>Runs jobs until none is waiting.</summary>
    public async Task<WorkDone> DrainAsync(IProgress<WorkDone>? progress = null, CancellationToken cancellationToken = default)
    {
        var done = default(WorkDone);
        while (await store.ClaimJudgingJobAsync(name, StaleAfter, cancellationToken).ConfigureAwait(false) is { } job)
        {
            if (!_terms.TryGetValue(job.AgreementId, out var t) || !string.Equals(t.Sha256, job.TermsSha256, StringComparison.Ordinal))
            {
                // Queued under terms this worker does not hold (changed since, or another deployment's): judging with others would
                // store verdicts under the wrong version. Jobs for the current terms are queued by QueueAsync.
                await store.FailJudgingJobAsync(job, $"superseded: terms {job.TermsSha256[..12]}… of {job.AgreementId} are not the ones in force here", 1, cancellationToken)
                    .ConfigureAwait(false);
                done = done with { Superseded = done.Superseded + 1 };
                continue;
            }

            try
            {
                var verdicts = await JudgeAsync(job, t.Agreement, cancellationToken).ConfigureAwait(false);
                if (await store.CompleteJudgingJobAsync(job, t.Agreement.Version, verdicts, cancellationToken).ConfigureAwait(false))
                {
                    done = done with { Jobs = done.Jobs + 1, Verdicts = done.Verdicts + verdicts.Count };
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                await store.FailJudgingJobAsync(job, e.Message, MaxAttempts, cancellationToken).ConfigureAwait(false);
                done = done with { Failed = done.Failed + 1 };
            }

            progress?.Report(done);
        }

        return done;
    }

    private async Task<List<StoredVerdict>> JudgeAsync(JudgingJob job, Agreement agreement, CancellationToken cancellationToken)
    {
        var verdicts = new List<StoredVerdict>();
        var incidents = await Incidents.LoadAsync(store, new ReportQuery { FirstId = job.FirstReportId, LastId = job.LastReportId }, cancellationToken).ConfigureAwait(false);
        foreach (var incident in incidents)
        {
            var a = Judge.Assess(incident, agreement, map);
            var missing = a.Trace.MissingFacts.Count == 0 ? null : string.Join("; ", a.Trace.MissingFacts);
            verdicts.Add(new StoredVerdict(incident.Id.Value, incident.Reports[0].Key.ToString(), a.Verdict.ToText(), a.Trace.Reason, missing,
                a.AgreementVersion == agreement.Version ? null : a.AgreementVersion));
        }

        return verdicts;
    }
}
