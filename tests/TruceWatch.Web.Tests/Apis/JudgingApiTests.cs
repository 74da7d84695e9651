using TruceWatch.Web.Tests.Support;

namespace TruceWatch.Web.Tests.Apis;

/// <summary>The server keeps stored verdicts current in the background; <c>/api/judging</c> shows the queue and what is stored.</summary>
public sealed class JudgingApiTests : IClassFixture<PreciseApiFixture>
{
    private readonly HttpClient _client;

    public JudgingApiTests(PreciseApiFixture fixture) => _client = fixture.Client;

    [Fact]
    public async Task The_server_judges_the_stored_reports_under_every_bundled_agreement_and_the_counts_match_assess()
    {
        var status = await _client.GetJsonAsync("/api/judging");
        for (var i = 0; i < 100 && (status.GetProperty("jobs").GetProperty("done").GetInt64() < 2 || status.GetProperty("jobs").GetProperty("queued").GetInt64() > 0); i++)
        {
            await Task.Delay(100, TestContext.Current.CancellationToken);
            status = await _client.GetJsonAsync("/api/judging");
        }

        status.GetProperty("jobs").GetProperty("failed").GetInt64().ShouldBe(0);
        foreach (var agreement in status.GetProperty("agreements").EnumerateArray())
        {
            agreement.GetProperty("judged").GetInt64().ShouldBe(6, agreement.ToString());
            agreement.GetProperty("terms_versions").GetArrayLength().ShouldBe(1);
            var assessed = await _client.GetJsonAsync($"/api/assessments?agreement={agreement.Str("agreement")}");
            var computed = assessed.Summary().SelectMany(p => p.Value).GroupBy(v => v.Key).ToDictionary(g => g.Key, g => (long)g.Sum(v => v.Value));
            foreach (var verdict in agreement.GetProperty("verdicts").EnumerateObject())
            {
                verdict.Value.GetInt64().ShouldBe(computed.GetValueOrDefault(verdict.Name), $"{agreement.Str("agreement")} {verdict.Name}");
            }
        }
    }
}
