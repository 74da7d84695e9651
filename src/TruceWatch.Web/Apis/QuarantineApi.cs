using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using TruceWatch.Core.Reporting;
using TruceWatch.Storage;
using TruceWatch.Storage.Edits;
using TruceWatch.Storage.Quarantine;

namespace TruceWatch.Web.Apis;

/// <summary>
/// The quarantine review queue. <c>GET /api/quarantine[?status=open&amp;limit=N]</c> lists rows, <c>GET /api/quarantine/{id}</c> one
/// row with its version as the ETag, and <c>POST /api/quarantine/{id}/decision</c> records a decision. The decision must carry
/// <c>If-Match</c> with the version it was made against: a stale one gets 412 and the row as it now is, never a silent overwrite.
/// </summary>
public static class QuarantineApi
{
    public static IEndpointRouteBuilder MapQuarantineApi(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/quarantine").WithTags("quarantine");
        group.MapGet("/", List).WithName("ListQuarantine");
        group.MapGet("/{id:long}", One).WithName("QuarantinedRow");
        group.MapPost("/{id:long}/decision", Decide).WithName("DecideQuarantine");
        return app;
    }

    private static async Task<Results<JsonHttpResult<QuarantineRowDocument[]>, ProblemHttpResult>> List(
        [FromQuery] string? status, [FromQuery] int? limit, IReportStore store, CancellationToken cancellationToken)
    {
        QuarantineStatus? filter = null;
        if (!string.IsNullOrEmpty(status))
        {
            if (!QuarantineStatuses.TryParse(status, out var s))
            {
                return Problem(StatusCodes.Status400BadRequest, "bad status", $"status '{status}' is not one of {QuarantineStatuses.Names}.");
            }

            filter = s;
        }

        if (limit is < 0 or > 10_000)
        {
            return Problem(StatusCodes.Status400BadRequest, "bad limit", "limit must be between 0 and 10000.");
        }

        var rows = await store.QuarantineAsync(filter, limit ?? 1000, cancellationToken).ConfigureAwait(false);
        return TypedResults.Json(rows.Select(QuarantineRowDocument.Of).ToArray(), AssessmentDocument.Json);
    }

    private static async Task<Results<JsonHttpResult<QuarantineRowDocument>, ProblemHttpResult>> One(
        long id, HttpContext context, IReportStore store, CancellationToken cancellationToken)
    {
        if (await store.QuarantinedRowAsync(id, cancellationToken).ConfigureAwait(false) is not { } row)
        {
            return NotFound(id);
        }

        context.Response.Headers.ETag = ETag(row.Version);
        return TypedResults.Json(QuarantineRowDocument.Of(row), AssessmentDocument.Json);
    }

    private static async Task<Results<JsonHttpResult<QuarantineRowDocument>, ProblemHttpResult>> Decide(
        long id, DecisionRequest request, HttpContext context, IReportStore store, CancellationToken cancellationToken)
    {
        var ifMatch = context.Request.Headers.IfMatch.ToString();
        if (string.IsNullOrEmpty(ifMatch))
        {
            return Problem(StatusCodes.Status428PreconditionRequired, "version required",
                "Send If-Match with the version (ETag) of the row you decided on, so a decision made on a stale view is refused.");
        }

        if (!long.TryParse(ifMatch.Trim().Trim('"'), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
        {
            return Problem(StatusCodes.Status400BadRequest, "bad If-Match", $"If-Match '{ifMatch}' is not a row version such as \"1\".");
        }

        if (!QuarantineStatuses.TryParse(request.Status, out var status))
        {
            return Problem(StatusCodes.Status400BadRequest, "bad decision", $"status '{request.Status}' is not one of {QuarantineStatuses.Names}.");
        }

        var decision = new QuarantineDecision(status, request.By ?? "", request.Note ?? "");
        if (decision.Problems() is { Count: > 0 } problems)
        {
            return Problem(StatusCodes.Status400BadRequest, "bad decision", string.Join("; ", problems) + ".");
        }

        switch (await store.DecideQuarantineAsync(id, version, decision, cancellationToken).ConfigureAwait(false))
        {
            case EditResult<QuarantineEntry>.Updated updated:
                context.Response.Headers.ETag = ETag(updated.Value.Version);
                return TypedResults.Json(QuarantineRowDocument.Of(updated.Value), AssessmentDocument.Json);
            case EditResult<QuarantineEntry>.Conflict conflict:
                var current = conflict.Current;
                return TypedResults.Problem(
                    statusCode: StatusCodes.Status412PreconditionFailed,
                    title: "changed since you looked",
                    detail: $"Row {id} is at version {current.Version}, not {version}: {current.DecidedBy ?? "someone"} marked it {current.Status.ToText()}" +
                        $"{(current.Note is null ? "" : $" ({current.Note})")}. Look again, then decide against version {current.Version}.",
                    extensions: new Dictionary<string, object?> { ["current"] = QuarantineRowDocument.Of(current) });
            default:
                return NotFound(id);
        }
    }

    private static string ETag(long version) => $"\"{version.ToString(CultureInfo.InvariantCulture)}\"";

    private static ProblemHttpResult NotFound(long id) => Problem(StatusCodes.Status404NotFound, "no such row", $"No quarantined row has id {id}.");

    private static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);

    /// <summary>A reviewer's decision: <c>{"status":"dismissed","by":"analyst-1","note":"not a strike report"}</c>.</summary>
    public sealed record DecisionRequest(string? Status, string? By, string? Note);
}

/// <summary>A quarantined row as the API returns it.</summary>
public sealed record QuarantineRowDocument(
    long Id, long ImportId, string Format, string FileName, long Line, string Reason, string Payload,
    string Status, long Version, string? DecidedBy, DateTimeOffset? DecidedAt, string? Note)
{
    public static QuarantineRowDocument Of(QuarantineEntry e) =>
        new(e.Id, e.ImportId, e.Format, e.FileName, e.Line, e.Reason, e.Payload, e.Status.ToText(), e.Version, e.DecidedBy, e.DecidedAt, e.Note);
}
