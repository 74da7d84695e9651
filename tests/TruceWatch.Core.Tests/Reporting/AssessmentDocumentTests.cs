using System.Text.Json;
using System.Text.Json.Nodes;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reporting;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Reporting;

public sealed class AssessmentDocumentTests
{
    private static readonly string[] VerdictKeys = ["violation", "indeterminate", "permitted", "out-of-scope", "outside-window"];

    private static IncidentBuilder Strike() =>
        Some.Incident().At("2025-03-20T03:00:00+02:00").Air().Means("missile.cruise").Hitting("energy.grid.substation");

    private static readonly Incidents.Incident[] Night =
    [
        Strike().By("RU").From("ua-air-force", "2025-03-20-1"),
        Strike().By("RU").From("ua-air-force", "2025-03-20-2").Hitting("unknown"),
        Strike().By("RU").From("acled", "UKR12345").At("2025-04-20T03:00:00+03:00"),
        Strike().By("UA").From("ru-mod", "0320-7").Land().Means("artillery.tube"),
        Strike().ByUnknown().From("osint", "x-1"),
        Strike().ByUnknown().From("osint", "x-2").At("2025-01-01T00:00:00+02:00"),
    ];

    [Fact]
    public void The_summary_counts_every_verdict_per_party_with_all_five_keys()
    {
        var doc = AssessmentDocument.Build(Bundled.UaPartialTruce, Night);

        doc.Summary.Keys.ShouldBe(["RU", "UA", "unknown"], ignoreOrder: true);
        foreach (var counts in doc.Summary.Values)
        {
            counts.Keys.ShouldBe(VerdictKeys, ignoreOrder: true);
        }

        doc.Summary["RU"].ShouldBe(Counts(violation: 1, indeterminate: 1, outsideWindow: 1), ignoreOrder: true);
        doc.Summary["UA"].ShouldBe(Counts(outOfScope: 1), ignoreOrder: true);
        doc.Summary["unknown"].ShouldBe(Counts(indeterminate: 1, outsideWindow: 1), ignoreOrder: true);
        doc.Summary.Values.Sum(c => c.Values.Sum()).ShouldBe(Night.Length);
    }

    [Fact]
    public void Every_party_to_the_agreement_has_a_summary_even_with_no_incidents()
    {
        var doc = AssessmentDocument.Build(Bundled.EnergyMoratorium, []);
        doc.Incidents.ShouldBeEmpty();
        doc.Summary.Keys.ShouldBe(["RU", "UA"], ignoreOrder: true);
        doc.Summary.Values.ShouldAllBe(c => c.Count == 5 && c.Values.All(n => n == 0));
    }

    [Fact]
    public void An_incident_by_a_non_party_is_counted_under_its_own_code_and_one_by_no_known_party_under_unknown()
    {
        var doc = AssessmentDocument.Build(Bundled.EnergyMoratorium, [Strike().By("BY"), Strike().ByUnknown()]);
        doc.Summary["BY"]["out-of-scope"].ShouldBe(1);
        doc.Summary[AssessmentDocument.UnknownParty]["indeterminate"].ShouldBe(1);
        AssessmentDocument.UnknownParty.ShouldBe("unknown");
    }

    [Fact]
    public void Incidents_keep_their_order_and_list_their_reports_as_source_colon_record_id()
    {
        var doc = AssessmentDocument.Build(Bundled.UaPartialTruce, Night);

        (doc.Agreement.Id, doc.Agreement.Version, doc.Agreement.Title).ShouldBe(("ua-partial-air-sea-truce-2025", 1, Bundled.UaPartialTruce.Title));
        doc.Agreement.Versions.ShouldBe([1]);
        doc.Incidents.Select(i => i.Id).ShouldBe(Night.Select(i => i.Id.Value));
        doc.Incidents.Select(i => i.Reports.ShouldHaveSingleItem()).ShouldBe(
            ["ua-air-force:2025-03-20-1", "ua-air-force:2025-03-20-2", "acled:UKR12345", "ru-mod:0320-7", "osint:x-1", "osint:x-2"]);
        doc.Incidents.Select(i => i.Verdict).ShouldBe(["violation", "indeterminate", "outside-window", "out-of-scope", "indeterminate", "outside-window"]);
        doc.Incidents.Select(i => i.Perpetrator).ShouldBe(["RU", "RU", "RU", "UA", null, null]);
    }

    [Fact]
    public void An_incident_assessment_carries_its_facts_and_the_trace_as_plain_text()
    {
        Incidents.Incident incident = Strike().By("RU").Hitting("unknown").Weapon("Kh-101")
            .At(Place.Of("UA", "Kyivska", "Bila Tserkva", null));
        var item = AssessmentDocument.Build(Bundled.UaPartialTruce, [incident]).Incidents.ShouldHaveSingleItem();

        item.Occurred.ShouldBe(new Occurred("2025-03-20T03:00:00+02:00", null, "second"));
        item.Weapon.ShouldBe("Kh-101");
        item.Means.ShouldBe("missile.cruise");
        item.Place.ShouldBe("Bila Tserkva, Kyivska, UA");
        item.Verdict.ShouldBe("indeterminate");
        item.Trace.Reason.ShouldBe("indeterminate: target category unknown");
        item.Trace.Missing.ShouldBe(["target category"]);
        item.Trace.Window.ShouldBe(new ConditionView("window", "true", "[2025-03-05T00:00:00+02:00, 2025-04-04T00:00:00+02:00)", "time", "2025-03-20T03:00:00+02:00 (second)"));
        var clause = item.Trace.Clauses[0];
        clause.Id.ShouldBe("no-long-range-strikes-on-civilian-infrastructure");
        clause.Outcome.ShouldBe("indeterminate");
        clause.Conditions.Select(c => (c.Condition, c.Value)).ShouldBe([("binds", "true"), ("domain", "true"), ("means", "true"), ("target", "unknown")]);
        clause.Exceptions.ShouldBeEmpty();
        item.Trace.Clauses[1].Outcome.ShouldBe("cleared");
    }

    [Fact]
    public void An_incident_with_no_time_or_place_has_null_occurred_and_place()
    {
        var item = AssessmentDocument.Build(Bundled.UaPartialTruce, [Some.Incident()]).Incidents.ShouldHaveSingleItem();
        item.Occurred.ShouldBeNull();
        item.Place.ShouldBeNull();
        item.Means.ShouldBeNull();
        item.Trace.Window.FactValue.ShouldBeNull();
    }

    [Fact]
    public void An_interval_keeps_its_end_and_precision()
    {
        Incidents.Incident incident = Some.Incident().Between("2025-03-20T01:00+02:00", "2025-03-20T05:00+02:00", TimePrecision.Minute);
        var item = AssessmentDocument.Build(Bundled.UaPartialTruce, [incident]).Incidents.ShouldHaveSingleItem();
        item.Occurred.ShouldBe(new Occurred("2025-03-20T01:00:00+02:00", "2025-03-20T05:00:00+02:00", "minute"));
    }

    [Fact]
    public void The_JSON_has_snake_case_keys_and_verdict_names_as_summary_keys()
    {
        var doc = AssessmentDocument.Build(Bundled.UaPartialTruce, Night);
        var json = JsonSerializer.Serialize(doc, AssessmentDocument.Json);
        var root = JsonNode.Parse(json).ShouldNotBeNull().AsObject();

        root.Select(p => p.Key).ShouldBe(["agreement", "incidents", "summary"]);
        root["agreement"].ShouldNotBeNull().AsObject().Select(p => p.Key).ShouldBe(["id", "version", "title", "versions"]);

        var incident = root["incidents"].ShouldNotBeNull().AsArray()[0].ShouldNotBeNull().AsObject();
        incident.Select(p => p.Key).ShouldBe(["id", "reports", "perpetrator", "occurred", "weapon", "means", "place", "verdict", "version", "trace"]);
        incident["reports"]!.AsArray().Select(r => r!.GetValue<string>()).ShouldBe(["ua-air-force:2025-03-20-1"]);
        incident["weapon"].ShouldBeNull();
        incident.ContainsKey("weapon").ShouldBeTrue("null values are written, not dropped");

        var trace = incident["trace"].ShouldNotBeNull().AsObject();
        trace.Select(p => p.Key).ShouldBe(["reason", "missing", "window", "clauses"]);
        var window = trace["window"].ShouldNotBeNull().AsObject();
        window.Select(p => p.Key).ShouldBe(["condition", "value", "expected", "fact", "fact_value"]);
        window["fact_value"]!.GetValue<string>().ShouldBe("2025-03-20T03:00:00+02:00 (second)");
        var condition = trace["clauses"]!.AsArray()[0]!["conditions"]!.AsArray()[0]!.AsObject();
        condition.Select(p => p.Key).ShouldBe(["condition", "value", "expected", "fact", "fact_value"]);
        condition["fact_value"]!.GetValue<string>().ShouldBe("RU");

        var summary = root["summary"].ShouldNotBeNull().AsObject();
        summary["RU"]!.AsObject().Select(p => p.Key).ShouldBe(VerdictKeys, ignoreOrder: true);
        summary["RU"]!["out-of-scope"]!.GetValue<int>().ShouldBe(0);
        summary["RU"]!["outside-window"]!.GetValue<int>().ShouldBe(1);
        summary["unknown"]!["indeterminate"]!.GetValue<int>().ShouldBe(1);

        json.ShouldNotContain("FactValue");
        json.ShouldNotContain("factValue");
    }

    [Fact]
    public void The_document_survives_a_JSON_round_trip_of_its_summary()
    {
        var doc = AssessmentDocument.Build(Bundled.EnergyMoratorium, Night);
        var json = JsonSerializer.Serialize(doc, AssessmentDocument.Json);
        var summary = JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, int>>>(
            JsonNode.Parse(json)!["summary"]!.ToJsonString(), AssessmentDocument.Json).ShouldNotBeNull();
        summary.Keys.ShouldBe(doc.Summary.Keys, ignoreOrder: true);
        foreach (var (party, counts) in doc.Summary)
        {
            summary[party].ShouldBe(counts.ToDictionary(), ignoreOrder: true);
        }
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
