using Microsoft.AspNetCore.Http.HttpResults;
using TruceWatch.Storage;

namespace TruceWatch.Web.Apis;

/// <summary><c>GET /health</c>: whether the store answers, and how many reports it holds.</summary>
public static class HealthApi
{
    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/health", Health).WithName("Health").WithTags("health");
        return app;
    }

    public sealed record HealthStatus(string Status, long Reports);

    private static async Task<Ok<HealthStatus>> Health(IReportStore store, CancellationToken cancellationToken) =>
        TypedResults.Ok(new HealthStatus("ok", await store.CountReportsAsync(cancellationToken).ConfigureAwait(false)));
}
