using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reporting;
using TruceWatch.Ingest.Terms;
using TruceWatch.Storage;

namespace TruceWatch.Web.Apis;

/// <summary>
/// <c>GET /api/replay[?agreement=A&amp;agreement=B…][&amp;from=…&amp;to=…][&amp;interpretation=NAME|all]</c>: the stored incidents judged under each
/// set of terms as if it had been in force for the period, side by side (the same JSON as <c>trucewatch replay --format json</c>), under a
/// named reading or every reading with their disagreements. No agreement means all bundled ones.
/// </summary>
public static class ReplayApi
{
    public static IEndpointRouteBuilder MapReplayApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/replay", Replay).WithName("Replay").WithTags("replay");
        return app;
    }

    private static async Task<Results<JsonHttpResult<ReplayDocument>, ProblemHttpResult>> Replay(
        [FromQuery] string[]? agreement,
        [FromQuery] string? from,
        [FromQuery] string? to,
        [FromQuery] string? interpretation,
        AgreementLibrary library,
        IReportStore store,
        Core.Geography.IGeography map,
        CancellationToken cancellationToken)
    {
        var chosen = new List<Agreement>();
        foreach (var id in agreement ?? [])
        {
            if (library.Find(id) is not { } terms)
            {
                return AgreementsApi.UnknownAgreement(id, library);
            }

            chosen.Add(terms);
        }

        if (chosen.Count == 0)
        {
            chosen.AddRange(library.Agreements);
        }

        if (!Period.TryParse(from, to, out var query, out var error))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "bad period", detail: error);
        }

        if (interpretation is not null and not "all" && chosen.All(a => a.Under(interpretation) is null))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "unknown interpretation",
                detail: $"no agreement replayed has an interpretation '{interpretation}' (or pass 'all')");
        }

        var incidents = await Incidents.LoadAsync(store, query, cancellationToken).ConfigureAwait(false);
        var document = interpretation is null
            ? ReplayDocument.Build(chosen, incidents, query.From, query.To, map)
            : ReplayDocument.BuildUnder(interpretation, chosen, incidents, query.From, query.To, map);
        return TypedResults.Json(document, AssessmentDocument.Json);
    }
}
