using TruceWatch.Core.Judgement;
using TruceWatch.Ingest.Terms;
using TruceWatch.Storage;
using TruceWatch.Core.Reporting;
using Microsoft.AspNetCore.Http.HttpResults;

namespace TruceWatch.Web.Apis;

/// <summary><c>GET /api/judging</c>: the judging queue and, per agreement, the stored verdicts and the terms versions they were made under.</summary>
public static class JudgingApi
{
    public static IEndpointRouteBuilder MapJudgingApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/judging", Status).WithName("JudgingStatus").WithTags("judging");
        return app;
    }

    private static async Task<JsonHttpResult<JudgingDocument>> Status(IReportStore store, AgreementLibrary library, CancellationToken cancellationToken)
    {
        var jobs = await store.JudgingJobsAsync(cancellationToken).ConfigureAwait(false);
        var agreements = new List<StoredVerdicts>();
        foreach (var agreement in library.Agreements)
        {
            var counts = Verdicts.All.ToDictionary(v => v.ToText(), _ => 0L, StringComparer.Ordinal);
            var versions = new SortedSet<string>(StringComparer.Ordinal);
            await foreach (var a in store.AssessmentsAsync(agreement.Id, cancellationToken).ConfigureAwait(false))
            {
                counts[a.Verdict] = counts.GetValueOrDefault(a.Verdict) + 1;
                versions.Add($"v{a.AgreementVersion} {a.TermsSha256}");
            }

            agreements.Add(new StoredVerdicts(agreement.Id, counts.Values.Sum(), counts, [.. versions]));
        }

        return TypedResults.Json(new JudgingDocument(new JobsDocument(jobs.Queued, jobs.Running, jobs.Done, jobs.Failed), agreements), AssessmentDocument.Json);
    }
}

/// <summary>The queue and the stored verdicts.</summary>
public sealed record JudgingDocument(JobsDocument Jobs, IReadOnlyList<StoredVerdicts> Agreements);

/// <summary>Jobs per state.</summary>
public sealed record JobsDocument(long Queued, long Running, long Done, long Failed);

/// <summary>One agreement's stored verdicts: how many reports are judged, per verdict, and under which terms versions (version and file hash).</summary>
public sealed record StoredVerdicts(string Agreement, long Judged, IReadOnlyDictionary<string, long> Verdicts, IReadOnlyList<string> TermsVersions);
