using Microsoft.AspNetCore.Http.HttpResults;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Terms;

namespace TruceWatch.Web.Apis;

/// <summary><c>GET /api/agreements</c>: the bundled agreements and any terms files that fail to load.</summary>
public static class AgreementsApi
{
    public static IEndpointRouteBuilder MapAgreementsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/agreements", List).WithName("ListAgreements").WithTags("agreements");
        return app;
    }

    public sealed record AgreementSummary(string Id, int Version, string Title, string Status, IReadOnlyList<string> Parties, string? WindowStart, string? WindowEnd, IReadOnlyList<string> Windows, IReadOnlyList<string> Clauses);

    public sealed record InvalidFile(string File, IReadOnlyList<string> Errors);

    public sealed record AgreementList(IReadOnlyList<AgreementSummary> Agreements, IReadOnlyList<InvalidFile> Invalid);

    // Snake case like the assessments (window_start, window_end), which is what the dashboard reads.
    private static JsonHttpResult<AgreementList> List(AgreementLibrary library) => TypedResults.Json(
        new AgreementList(
            [.. library.Agreements.Select(Summarize)],
            [.. library.Files.Where(f => !f.Result.IsValid).Select(f => new InvalidFile(Path.GetFileName(f.Path), [.. f.Result.Diagnostics.Select(d => d.ToString())]))]),
        AssessmentDocument.Json);

    /// <summary>The 404 problem for an agreement id the library does not hold, naming the ones it does.</summary>
    internal static ProblemHttpResult UnknownAgreement(string id, AgreementLibrary library) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"no agreement '{id}'", detail: $"Known agreements: {library.KnownIds}.");

    internal static AgreementSummary Summarize(Agreement a) => new(
        a.Id,
        a.Version,
        a.Title,
        a.Status switch
        {
            AgreementStatus.InForce => "in-force",
            _ => a.Status.ToString().ToLowerInvariant(),
        },
        [.. a.Parties.Select(p => p.Value)],
        a.Windows.Count > 0 && a.Windows.All(w => w.Start is not null) ? IsoTime.Format(a.Windows.Min(w => w.Start)!.Value) : null,
        a.Windows.Count > 0 && a.Windows.All(w => w.End is not null) ? IsoTime.Format(a.Windows.Max(w => w.End)!.Value) : null,
        [.. a.Windows.Select(w => w.ToString())],
        [.. a.Clauses.Select(c => c.Id)]);
}
