using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Obligations;
using TruceWatch.Core.Reporting;
using TruceWatch.Ingest.Terms;

namespace TruceWatch.Web.Apis;

/// <summary><c>GET /api/obligations[?on=YYYY-MM-DD]</c>: where every bundled agreement's obligations stand (met / pending / missed / unknown).</summary>
public static class ObligationsApi
{
    public static IEndpointRouteBuilder MapObligationsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/obligations", Obligations).WithName("Obligations").WithTags("obligations");
        return app;
    }

    private static Results<JsonHttpResult<ObligationsDocument>, ProblemHttpResult> Obligations(
        [FromQuery] string? on, AgreementLibrary library, ExchangeTable exchanges, NotificationTable notifications, IGeography map, TimeProvider time)
    {
        var day = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        if (on is not null && !DateOnly.TryParseExact(on, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "bad date", detail: $"on '{on}' is not a date (YYYY-MM-DD).");
        }

        var agreements = library.Agreements.Where(a => a.Obligations.Count > 0).ToList();
        var posts = agreements.Any(a => a.Obligations.Any(o => o.Kind == Obligation.Notify)) ? notifications.Notifications.Value : null;
        return TypedResults.Json(ObligationsDocument.Build(agreements, exchanges.Exchanges, map, day, posts), AssessmentDocument.Json);
    }
}

/// <summary>The parties' published statements the server judges notification duties by, read once when first needed.</summary>
public sealed record NotificationTable(Lazy<IReadOnlyList<Notification>> Notifications);

/// <summary>The exchange table the server judges obligations by, read once at start.</summary>
public sealed record ExchangeTable(IReadOnlyList<Exchange> Exchanges);
