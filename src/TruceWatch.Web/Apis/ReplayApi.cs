using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reporting;
using TruceWatch.Ingest.Terms;
using TruceWatch.Storage;

namespace TruceWatch.Web.Apis;

/// <summary>
/// <c>GET /api/replay[?agreement=A&amp;agreement=B…][&amp;from=…&amp;to=…]</c>: the stored incidents judged under each set of terms as if it
/// had been in force for the period, side by side (the same JSON as <c>trucewatch replay --format json</c>). No agreement means all bundled ones.
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

        var incidents = await Incidents.LoadAsync(store, query, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(ReplayDocument.Build(chosen, incidents, query.From, query.To, map), AssessmentDocument.Json);
    }
}
