using System.Globalization;
using System.Net;
using System.Text.Json;
using TruceWatch.Web.Tests.Support;

namespace TruceWatch.Web.Tests.Apis;

public sealed class AssessmentsApiTests(PreciseApiFixture app) : IClassFixture<PreciseApiFixture>
{
    private const string UaProposal = "ua-partial-air-sea-truce-2025";
    private const string EnergyMoratorium = "energy-moratorium-2025";

    public static TheoryData<string, string, string, string> Verdicts => new()
    {
        { UaProposal, PreciseReports.Substation, "violation", "violation: breaches no-long-range-strikes-on-civilian-infrastructure" },
        { UaProposal, PreciseReports.Airbase, "out-of-scope", "out-of-scope: no clause covers it" },
        { UaProposal, PreciseReports.Shahed, "indeterminate", "indeterminate: target category unknown" },
        { UaProposal, PreciseReports.Before, "outside-window", "outside-window: happened outside the agreement's window" },
        { UaProposal, PreciseReports.Refinery, "violation", "violation: breaches no-long-range-strikes-on-civilian-infrastructure" },
        { UaProposal, PreciseReports.Unattributed, "indeterminate", "indeterminate: perpetrator unknown" },
        { EnergyMoratorium, PreciseReports.Substation, "violation", "violation: breaches no-strikes-on-energy-infrastructure" },
        { EnergyMoratorium, PreciseReports.Airbase, "out-of-scope", "out-of-scope: no clause covers it" },
        { EnergyMoratorium, PreciseReports.Shahed, "indeterminate", "indeterminate: target category unknown" },
        { EnergyMoratorium, PreciseReports.Before, "outside-window", "outside-window: happened outside the agreement's window" },
        { EnergyMoratorium, PreciseReports.Refinery, "violation", "violation: breaches no-strikes-on-energy-infrastructure" },
        { EnergyMoratorium, PreciseReports.Unattributed, "indeterminate", "indeterminate: perpetrator unknown" },
    };

    [Theory]
    [MemberData(nameof(Verdicts))]
    public async Task Each_incident_gets_its_verdict_and_the_reason_why(string agreement, string report, string verdict, string reason)
    {
        var document = await app.Client.GetJsonAsync($"/api/assessments?agreement={agreement}");

        var incident = document.IncidentsByReport()[report];
        incident.Str("verdict").ShouldBe(verdict);
        incident.GetProperty("trace").Str("reason").ShouldBe(reason);
    }

    [Theory]
    [InlineData(UaProposal)]
    [InlineData(EnergyMoratorium)]
    public async Task The_summary_counts_every_verdict_per_party_with_unattributed_incidents_under_unknown(string agreement)
    {
        var document = await app.Client.GetJsonAsync($"/api/assessments?agreement={agreement}");

        document.GetProperty("incidents").GetArrayLength().ShouldBe(6);
        var summary = document.Summary();
        summary.Keys.ShouldBe(["RU", "UA", "unknown"], ignoreOrder: true);
        summary["RU"].ShouldBe(Counts(violation: 1, indeterminate: 1, outOfScope: 1, outsideWindow: 1), ignoreOrder: true);
        summary["UA"].ShouldBe(Counts(violation: 1), ignoreOrder: true);
        summary["unknown"].ShouldBe(Counts(indeterminate: 1), ignoreOrder: true);
    }

    [Fact]
    public async Task An_indeterminate_trace_names_the_missing_fact_and_the_unknown_condition()
    {
        var document = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}");
        var trace = document.IncidentsByReport()[PreciseReports.Shahed].GetProperty("trace");

        trace.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ShouldBe(["target category"]);
        trace.GetProperty("window").Str("value").ShouldBe("true");
        var clause = trace.GetProperty("clauses").EnumerateArray().Single(c => c.Str("id") == "no-long-range-strikes-on-civilian-infrastructure");
        clause.Str("outcome").ShouldBe("indeterminate");
        var target = clause.GetProperty("conditions").EnumerateArray().Single(c => c.Str("condition") == "target");
        target.Str("value").ShouldBe("unknown");
        target.Str("expected").ShouldBe("any target within [energy, civilian]");
        target.GetProperty("fact_value").ValueKind.ShouldBe(JsonValueKind.Null);
        var means = clause.GetProperty("conditions").EnumerateArray().Single(c => c.Str("condition") == "means");
        means.Str("value").ShouldBe("true");
        means.Str("fact_value").ShouldBe("drone.long-range");
    }

    [Fact]
    public async Task An_incident_carries_its_reports_perpetrator_time_weapon_means_and_place()
    {
        var document = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}");
        var incident = document.IncidentsByReport()[PreciseReports.Substation];

        incident.GetProperty("reports").EnumerateArray().Select(r => r.GetString()).ShouldBe([PreciseReports.Substation]);
        incident.Str("perpetrator").ShouldBe("RU");
        incident.Str("weapon").ShouldBe("Kh-101");
        incident.Str("means").ShouldBe("missile.cruise");
        incident.Str("place").ShouldBe("Substation near Kyiv, Kyivska, UA");
        var occurred = incident.GetProperty("occurred");
        DateTimeOffset.Parse(occurred.Str("start"), CultureInfo.InvariantCulture).ShouldBe(new DateTimeOffset(2025, 3, 20, 3, 0, 0, TimeSpan.FromHours(2)));
        occurred.GetProperty("end").ValueKind.ShouldBe(JsonValueKind.Null);

        document.IncidentsByReport()[PreciseReports.Unattributed].GetProperty("perpetrator").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task Incidents_come_in_time_order()
    {
        var document = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}");

        document.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("reports")[0].GetString()).ShouldBe(
        [
            PreciseReports.Before, PreciseReports.Substation, PreciseReports.Airbase, PreciseReports.Shahed, PreciseReports.Refinery,
            PreciseReports.Unattributed,
        ]);
    }

    [Fact]
    public async Task The_document_has_the_documented_snake_case_shape()
    {
        var document = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}");

        document.Keys().ShouldBe(["agreement", "incidents", "summary"]);
        var agreement = document.GetProperty("agreement");
        agreement.Keys().ShouldBe(["id", "version", "title", "versions"]);
        agreement.Str("id").ShouldBe(UaProposal);
        agreement.GetProperty("version").GetInt32().ShouldBe(1);

        var incident = document.IncidentsByReport()[PreciseReports.Airbase];
        incident.Keys().ShouldBe(["id", "reports", "perpetrator", "occurred", "weapon", "means", "place", "verdict", "version", "trace"]);
        incident.GetProperty("id").ValueKind.ShouldBe(JsonValueKind.Number);
        incident.GetProperty("occurred").Keys().ShouldBe(["start", "end", "precision"]);
        var trace = incident.GetProperty("trace");
        trace.Keys().ShouldBe(["reason", "missing", "window", "clauses"]);
        trace.GetProperty("window").Keys().ShouldBe(["condition", "value", "expected", "fact", "fact_value"]);
        var clause = trace.GetProperty("clauses")[0];
        clause.Keys().ShouldBe(["id", "outcome", "conditions", "exceptions"]);
        clause.GetProperty("conditions")[0].Keys().ShouldBe(["condition", "value", "expected", "fact", "fact_value"]);
        clause.GetProperty("exceptions").ValueKind.ShouldBe(JsonValueKind.Array);

        document.GetProperty("summary").GetProperty("RU").Keys()
            .ShouldBe(["violation", "indeterminate", "permitted", "out-of-scope", "outside-window"], ignoreOrder: true);
    }

    [Fact]
    public async Task The_verdict_filter_trims_the_list_but_not_the_summary()
    {
        var all = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}");
        var violations = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}&verdict=violation");

        violations.IncidentsByReport().Keys.ShouldBe([PreciseReports.Substation, PreciseReports.Refinery], ignoreOrder: true);
        violations.GetProperty("incidents").EnumerateArray().ShouldAllBe(i => i.GetProperty("verdict").GetString() == "violation");
        violations.GetProperty("summary").GetRawText().ShouldBe(all.GetProperty("summary").GetRawText());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    [InlineData(100)]
    public async Task The_limit_trims_the_list_from_the_front_but_not_the_summary(int limit)
    {
        var all = await app.Client.GetJsonAsync($"/api/assessments?agreement={EnergyMoratorium}");
        var limited = await app.Client.GetJsonAsync($"/api/assessments?agreement={EnergyMoratorium}&limit={limit}");

        var expected = all.GetProperty("incidents").EnumerateArray().Take(limit).Select(i => i.GetProperty("id").GetInt64());
        limited.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ShouldBe(expected);
        limited.GetProperty("summary").GetRawText().ShouldBe(all.GetProperty("summary").GetRawText());
    }

    [Fact]
    public async Task Verdict_and_limit_combine_filter_first()
    {
        var document = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}&verdict=indeterminate&limit=1");

        document.IncidentsByReport().Keys.ShouldBe([PreciseReports.Shahed]);
    }

    [Fact]
    public async Task A_period_limits_both_the_list_and_the_summary()
    {
        var document = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}&from=2025-03-01&to=2025-03-21");

        document.IncidentsByReport().Keys.ShouldBe([PreciseReports.Substation, PreciseReports.Airbase], ignoreOrder: true);
        var summary = document.Summary();
        summary["RU"].ShouldBe(Counts(violation: 1, outOfScope: 1), ignoreOrder: true);
        summary["UA"].ShouldBe(Counts(), ignoreOrder: true);
        summary.ShouldNotContainKey("unknown");
    }

    [Fact]
    public async Task Without_an_agreement_the_answer_is_a_400_problem_naming_the_known_agreements()
    {
        var problem = await ProblemAsync("/api/assessments", HttpStatusCode.BadRequest);

        problem.Str("title").ShouldBe("agreement is required");
        problem.Str("detail").ShouldContain(UaProposal);
        problem.Str("detail").ShouldContain(EnergyMoratorium);
    }

    [Fact]
    public async Task An_unknown_agreement_is_a_404_problem()
    {
        var problem = await ProblemAsync("/api/assessments?agreement=no-such-truce", HttpStatusCode.NotFound);

        problem.Str("title").ShouldContain("no-such-truce");
        problem.Str("detail").ShouldContain(UaProposal);
    }

    [Theory]
    [InlineData("from=yesterday", "from")]
    [InlineData("from=2025-03-01&to=2025-13-40", "to")]
    public async Task A_bad_time_is_a_400_problem_naming_the_field(string query, string field)
    {
        var problem = await ProblemAsync($"/api/assessments?agreement={UaProposal}&{query}", HttpStatusCode.BadRequest);

        problem.Str("title").ShouldBe("bad period");
        problem.Str("detail").ShouldStartWith($"{field}:");
    }

    [Fact]
    public async Task A_period_that_ends_before_it_starts_is_a_400_problem()
    {
        var problem = await ProblemAsync($"/api/assessments?agreement={UaProposal}&from=2025-03-20&to=2025-03-10", HttpStatusCode.BadRequest);

        problem.Str("detail").ShouldBe("to must be after from");
    }

    [Fact]
    public async Task Ordering_by_verdict_puts_the_most_pressing_first_and_keeps_time_order_within_a_verdict()
    {
        var byTime = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}");
        var byVerdict = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}&order=verdict");

        var expected = byTime.GetProperty("incidents").EnumerateArray()
            .Select(i => (Report: i.GetProperty("reports")[0].GetString(), Verdict: i.Str("verdict")))
            .OrderBy(i => Array.IndexOf(["violation", "indeterminate", "permitted", "out-of-scope", "outside-window"], i.Verdict))
            .Select(i => i.Report)
            .ToList();
        var actual = byVerdict.GetProperty("incidents").EnumerateArray().Select(i => i.GetProperty("reports")[0].GetString()).ToList();
        actual.ShouldBe(expected);
        actual[0].ShouldBe(PreciseReports.Substation);
        byVerdict.GetProperty("summary").GetRawText().ShouldBe(byTime.GetProperty("summary").GetRawText());
    }

    [Fact]
    public async Task Replay_counts_each_agreement_as_if_in_force_for_the_period()
    {
        var replay = await app.Client.GetJsonAsync($"/api/replay?agreement={UaProposal}&agreement=energy-moratorium-2025&from=2024-01-01&to=2026-12-31");
        var assessed = await app.Client.GetJsonAsync($"/api/assessments?agreement={UaProposal}&from=2024-01-01&to=2026-12-31");

        var columns = replay.GetProperty("agreements").EnumerateArray().ToList();
        columns.Select(c => c.GetProperty("agreement").Str("id")).ShouldBe([UaProposal, "energy-moratorium-2025"]);
        var total = assessed.GetProperty("incidents").GetArrayLength();
        replay.GetProperty("incidents").GetInt32().ShouldBe(total);
        foreach (var column in columns)
        {
            column.GetProperty("summary").EnumerateObject().Sum(p => p.Value.EnumerateObject().Sum(v => v.Value.GetInt32())).ShouldBe(total);
            column.GetProperty("summary").EnumerateObject().Sum(p => p.Value.GetProperty("outside-window").GetInt32()).ShouldBe(0);
        }
    }

    [Fact]
    public async Task Replay_of_an_unknown_agreement_is_a_404_problem()
    {
        var problem = await ProblemAsync("/api/replay?agreement=no-such-truce", HttpStatusCode.NotFound);

        problem.Str("title").ShouldBe("no agreement 'no-such-truce'");
    }

    [Fact]
    public async Task An_unknown_order_is_a_400_problem()
    {
        var problem = await ProblemAsync($"/api/assessments?agreement={UaProposal}&order=random", HttpStatusCode.BadRequest);

        problem.Str("title").ShouldBe("bad order");
    }

    [Fact]
    public async Task A_negative_limit_is_a_400_problem()
    {
        var problem = await ProblemAsync($"/api/assessments?agreement={UaProposal}&limit=-1", HttpStatusCode.BadRequest);

        problem.Str("title").ShouldBe("bad limit");
    }

    private async Task<JsonElement> ProblemAsync(string url, HttpStatusCode status)
    {
        using var response = await app.Client.GetAsync(url, TestContext.Current.CancellationToken);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        response.StatusCode.ShouldBe(status, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        var problem = JsonDocument.Parse(body).RootElement.Clone();
        problem.GetProperty("status").GetInt32().ShouldBe((int)status);
        return problem;
    }

    private static Dictionary<string, int> Counts(int violation = 0, int indeterminate = 0, int permitted = 0, int outOfScope = 0, int outsideWindow = 0) => new()
    {
        ["violation"] = violation,
        ["indeterminate"] = indeterminate,
        ["permitted"] = permitted,
        ["out-of-scope"] = outOfScope,
        ["outside-window"] = outsideWindow,
    };
}
