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

    [Fact]
    public async Task The_templates_reporting_duty_is_judged_by_the_parties_statements_and_waits_for_its_window()
    {
        // The template's window opens in 2030: on its first day nothing has reached a deadline, so it is pending; days later, the
        // bundled statements (which end long before 2030) cannot tell, so it is unknown, never missed.
        System.Text.Json.JsonElement Row(System.Text.Json.JsonElement doc) =>
            doc.GetProperty("obligations").EnumerateArray().Single(o => o.Str("obligation") == "report-incidents");
        var first = Row(await app.Client.GetJsonAsync("/api/obligations?on=2030-01-01"));
        var later = Row(await app.Client.GetJsonAsync("/api/obligations?on=2030-01-05"));

        first.Str("kind").ShouldBe("notify");
        first.Str("status").ShouldBe("pending");
        later.Str("status").ShouldBe("unknown");
        later.Str("detail").ShouldContain("statements loaded span");
    }
}
