using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reporting;
using TruceWatch.Ingest.Terms;
using TruceWatch.Storage;

namespace TruceWatch.Web.Apis;

/// <summary>
/// <c>GET /api/assessments?agreement=ID[&amp;from=…&amp;to=…][&amp;verdict=…][&amp;order=time|verdict][&amp;limit=N]</c>: the stored incidents judged against one agreement,
/// in the same JSON as <c>trucewatch assess --format json</c>. <c>verdict</c>, <c>order</c> (time, the default, or verdict: most
/// pressing first, then time) and <c>limit</c> shape the incident list only; the summary
/// always counts every incident in the period.
/// </summary>
public static class AssessmentsApi
{
    public static IEndpointRouteBuilder MapAssessmentsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/assessments", Assess).WithName("Assess").WithTags("assessments");
        return app;
    }

    private static async Task<Results<JsonHttpResult<AssessmentDocument>, ProblemHttpResult>> Assess(
        [FromQuery] string? agreement,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? verdict,
        [FromQuery] string? order,
        [FromQuery] int? limit,
        AgreementLibrary library,
        IReportStore store,
        Core.Geography.IGeography map,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(agreement))
        {
            return Problem("agreement is required", $"Name one of: {library.KnownIds}.");
        }

        if (library.Find(agreement) is not { } terms)
        {
            return AgreementsApi.UnknownAgreement(agreement, library);
        }

        if (!Period.TryParse(from, to, out var query, out var error))
        {
            return Problem("bad period", error!);
        }

        if (order is not (null or "" or "time" or "verdict"))
        {
            return Problem("bad order", $"order '{order}' is not one of time, verdict.");
        }

        if (limit is < 0)
        {
            return Problem("bad limit", "limit must be 0 or more.");
        }

        var incidents = await Incidents.LoadAsync(store, query, cancellationToken).ConfigureAwait(false);
        var document = AssessmentDocument.Build(terms, incidents, map);
        IEnumerable<IncidentAssessment> list = document.Incidents;
        if (!string.IsNullOrEmpty(verdict))
        {
            list = list.Where(i => i.Verdict == verdict);
        }

        if (order == "verdict")
        {
            list = list.OrderBy(i => Verdicts.Rank(i.Verdict));
        }

        if (limit is { } n)
        {
            list = list.Take(n);
        }

        return TypedResults.Json(document with { Incidents = [.. list] }, AssessmentDocument.Json);
    }

    private static ProblemHttpResult Problem(string title, string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: title, detail: detail);
}
