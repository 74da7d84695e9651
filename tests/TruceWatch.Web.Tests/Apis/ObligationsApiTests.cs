using System.Net;
using TruceWatch.Web.Tests.Support;

namespace TruceWatch.Web.Tests.Apis;

/// <summary><c>/api/obligations</c>: the bundled agreements' duties judged on a day from the exchange table and the map.</summary>
public sealed class ObligationsApiTests(PreciseApiFixture app) : IClassFixture<PreciseApiFixture>
{
    [Fact]
    public async Task The_Istanbul_exchange_is_met_after_its_third_stage_and_pending_before()
    {
        var after = await app.Client.GetJsonAsync("/api/obligations?on=2025-07-01");
        var before = await app.Client.GetJsonAsync("/api/obligations?on=2025-05-24");

        after.Str("on").ShouldBe("2025-07-01");
        string Status(System.Text.Json.JsonElement doc, string id) =>
            doc.GetProperty("obligations").EnumerateArray().Single(o => o.Str("obligation") == id).Str("status");
        Status(after, "istanbul-1000-for-1000").ShouldBe("met");
        Status(before, "istanbul-1000-for-1000").ShouldBe("pending");
        after.GetProperty("obligations").EnumerateArray().Select(o => o.Str("agreement")).ShouldContain("holiday-ceasefires-2025");
        (await app.Client.GetJsonAsync("/api/obligations?on=someday", HttpStatusCode.BadRequest)).Str("detail").ShouldContain("is not a date");
    }
}
