using System.Text.Json;
using TruceWatch.Web.Tests.Support;

namespace TruceWatch.Web.Tests.Apis;

public sealed class AgreementsApiTests(PreciseApiFixture app) : IClassFixture<PreciseApiFixture>
{
    [Fact]
    public async Task Both_bundled_agreements_are_listed_and_none_is_invalid()
    {
        var list = await app.Client.GetJsonAsync("/api/agreements");

        list.Keys().ShouldBe(["agreements", "invalid"]);
        list.GetProperty("invalid").GetArrayLength().ShouldBe(0);
        list.GetProperty("agreements").EnumerateArray().Select(a => a.Str("id"))
            .ShouldBe(["black-sea-navigation-2025", "energy-moratorium-2025", "french-british-truce-proposal-2025", "full-ceasefire-template", "holiday-ceasefires-2025", "istanbul-exchanges-2025", "ua-partial-air-sea-truce-2025"], ignoreOrder: true);
    }

    [Fact]
    public async Task An_agreement_is_described_in_snake_case_with_its_window_parties_and_clauses()
    {
        var list = await app.Client.GetJsonAsync("/api/agreements");
        var ua = list.GetProperty("agreements").EnumerateArray().Single(a => a.Str("id") == "ua-partial-air-sea-truce-2025");

        ua.Keys().ShouldBe(["id", "version", "title", "status", "parties", "window_start", "window_end", "windows", "clauses"]);
        ua.GetProperty("windows").GetArrayLength().ShouldBe(1);
        ua.GetProperty("version").GetInt32().ShouldBe(1);
        ua.Str("title").ShouldBe("Partial truce on long-range air and sea strikes (Ukrainian proposal)");
        ua.Str("status").ShouldBe("proposed");
        ua.GetProperty("parties").EnumerateArray().Select(p => p.GetString()).ShouldBe(["UA", "RU"]);
        DateTimeOffset.Parse(ua.Str("window_start"), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(new DateTimeOffset(2025, 3, 5, 0, 0, 0, TimeSpan.FromHours(2)));
        DateTimeOffset.Parse(ua.Str("window_end"), System.Globalization.CultureInfo.InvariantCulture)
            .ShouldBe(new DateTimeOffset(2025, 4, 4, 0, 0, 0, TimeSpan.FromHours(2)));
        ua.GetProperty("clauses").EnumerateArray().Select(c => c.GetString())
            .ShouldBe(["no-long-range-strikes-on-civilian-infrastructure", "no-naval-attacks"]);

        var energy = list.GetProperty("agreements").EnumerateArray().Single(a => a.Str("id") == "energy-moratorium-2025");
        energy.Str("status").ShouldBe("lapsed");
        energy.GetProperty("window_end").ValueKind.ShouldBe(JsonValueKind.String);
    }
}
