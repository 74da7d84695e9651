using TruceWatch.Web.Tests.Support;

namespace TruceWatch.Web.Tests.Apis;

public sealed class HealthApiTests(PreciseApiFixture app) : IClassFixture<PreciseApiFixture>
{
    [Fact]
    public async Task Health_says_ok_and_counts_the_stored_reports()
    {
        var health = await app.Client.GetJsonAsync("/health");

        health.Keys().ShouldBe(["status", "reports"]);
        health.Str("status").ShouldBe("ok");
        health.GetProperty("reports").GetInt64().ShouldBe(6);
    }
}
