using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using TruceWatch.Web.Tests.Support;

namespace TruceWatch.Web.Tests.Apis;

/// <summary>The quarantine review queue over HTTP: listing, one row with its ETag, and decisions guarded by If-Match.</summary>
public sealed class QuarantineApiTests : IAsyncLifetime
{
    private const string Rows = "source,source_record_id,reported_at,start_time,end_time,perpetrator,domain,means,weapon,launched,intercepted,hits,country,admin1,place,lat,lon,target,killed,injured,description\n" +
        "s,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\n" +
        "s,2,,2025-02-30,,RU,,,,,,,,,,,,,,,\n" +
        "s,3,,2025-13-01,,RU,,,,,,,,,,,,,,,\n";

    private readonly TempFolder _folder = new();
    private ApiFactory? _factory;
    private HttpClient _client = null!;

    public async ValueTask InitializeAsync()
    {
        var db = _folder.File("q.db");
        await TestStore.ImportTextAsync(db, "night.csv", "canonical", Rows, CancellationToken.None);
        _factory = new ApiFactory(db, Repo.Agreements);
        _client = _factory.CreateClient();
    }

    [Fact]
    public async Task The_queue_lists_open_rows_with_their_reason_and_version()
    {
        var rows = await _client.GetJsonAsync("/api/quarantine?status=open");

        rows.GetArrayLength().ShouldBe(2);
        var first = rows[0];
        first.Keys().ShouldBe(["id", "import_id", "format", "file_name", "line", "reason", "payload", "status", "version", "decided_by", "decided_at", "note"]);
        first.Str("status").ShouldBe("open");
        first.GetProperty("version").GetInt64().ShouldBe(1);
        first.Str("file_name").ShouldBe("night.csv");
        rows.EnumerateArray().Select(r => r.GetProperty("line").GetInt64()).ShouldBe([3L, 4L]);
        (await _client.GetJsonAsync("/api/quarantine?status=dismissed")).GetArrayLength().ShouldBe(0);
        (await _client.GetJsonAsync("/api/quarantine?status=maybe", HttpStatusCode.BadRequest)).Str("detail").ShouldContain("open, dismissed, corrected");
    }

    [Fact]
    public async Task A_decision_against_the_current_version_lands_and_a_stale_one_gets_412_with_the_row_as_it_is()
    {
        var id = (await _client.GetJsonAsync("/api/quarantine"))[0].GetProperty("id").GetInt64();
        using var look = await _client.GetAsync($"/api/quarantine/{id}", TestContext.Current.CancellationToken);
        var etag = look.Headers.ETag!.Tag;

        using var first = await Decide(id, etag, new { status = "dismissed", by = "analyst-1", note = "date does not exist; source asked" });
        using var second = await Decide(id, etag, new { status = "corrected", by = "analyst-2", note = "fixed upstream" });
        using var unguarded = await Decide(id, null, new { status = "corrected", by = "analyst-2", note = "x" });
        using var noNote = await Decide(id, "\"2\"", new { status = "dismissed", by = "analyst-2" });
        using var missing = await Decide(99_999, "\"1\"", new { status = "dismissed", by = "a", note = "n" });

        etag.ShouldBe("\"1\"");
        first.StatusCode.ShouldBe(HttpStatusCode.OK, await first.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        first.Headers.ETag!.Tag.ShouldBe("\"2\"");
        var decided = await Body(first);
        decided.Str("status").ShouldBe("dismissed");
        decided.Str("decided_by").ShouldBe("analyst-1");
        second.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        var problem = await Body(second);
        problem.Str("detail").ShouldContain("is at version 2, not 1: analyst-1 marked it dismissed");
        problem.GetProperty("current").Str("status").ShouldBe("dismissed");
        unguarded.StatusCode.ShouldBe((HttpStatusCode)428);
        noNote.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await Body(noNote)).Str("detail").ShouldContain("give a note");
        missing.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await _client.GetJsonAsync($"/api/quarantine/{id}")).GetProperty("version").GetInt64().ShouldBe(2);
    }

    public async ValueTask DisposeAsync()
    {
        _client.Dispose();
        if (_factory is not null)
        {
            await _factory.DisposeAsync();
        }

        _folder.Dispose();
    }

    private async Task<HttpResponseMessage> Decide(long id, string? ifMatch, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/quarantine/{id}/decision") { Content = JsonContent.Create(body) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return await _client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    private static async Task<JsonElement> Body(HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken)).RootElement.Clone();
}
