using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.GeoJson;
using TruceWatch.Ingest.JsonLines;
using Shouldly;
using Xunit;

namespace TruceWatch.Ingest.Tests.JsonLines;

/// <summary>JSON Lines of canonical reports: one object a line, read by the canonical rules; bad lines quarantined by number.</summary>
public sealed class JsonLinesFormatTests
{
    private const string Lines = """
        {"source": "pipeline", "source_record_id": "a1", "start_time": "2025-03-20T03:10:00+02:00", "perpetrator": "RU", "weapon": "Shahed-136", "target": ["energy.grid.substation"], "lat": 49.99, "lon": 36.23, "country": "UA", "admin1": "UA-63"}

        {"source": "pipeline", "source_record_id": "a2", "start_time": "2025-02-30", "perpetrator": "RU"}
        ["not", "an", "object"]
        {"source": "pipeline", "source_record_id": "a3", "colour": "red"}
        {"source": "pipeline", "source_record_id": "a4", "start_time": "2025-03-21", "killed": 0}
        """;

    [Fact]
    public void Each_line_is_a_report_or_a_quarantined_row_with_its_number_and_the_line_as_payload()
    {
        var items = new JsonLinesFormat(WeaponCatalog.Bundled).Read(new StringReader(Lines), TestContext.Current.CancellationToken).ToList();

        items.Count.ShouldBe(5, "the blank line is skipped");
        var accepted = items.OfType<ImportItem.Accepted>().Select(a => a.Record).ToList();
        accepted.Select(r => (r.Report.Key.SourceRecordId, r.Line)).ShouldBe([("a1", 1L), ("a4", 6L)]);
        accepted[0].Report.Means!.Value.Value.ShouldBe("drone.long-range");
        accepted[0].Report.Place.Point.ShouldBe(new GeoPoint(49.99, 36.23));
        accepted[0].Payload.ShouldStartWith("{\"source\": \"pipeline\", \"source_record_id\": \"a1\"");
        accepted[1].Report.Harm.Killed.ShouldBe(0);
        var rejected = items.OfType<ImportItem.Rejected>().Select(r => r.Row).ToList();
        rejected.Select(r => r.Line).ShouldBe([3L, 4L, 5L]);
        rejected[0].Reason.ShouldContain("2025-02-30");
        rejected[1].Reason.ShouldBe("line 4: not a JSON object");
        rejected[2].Reason.ShouldStartWith("line 5: unknown property colour");
    }

    [Fact]
    public void Auto_detection_tells_JSON_Lines_from_GeoJSON()
    {
        FormatRegistry.Default.Detect(Lines.Split('\n')[0]).ShouldBeOfType<JsonLinesFormat>();
        FormatRegistry.Default.Detect("{").ShouldBeOfType<GeoJsonFormat>();
        FormatRegistry.Default.Detect("{\"type\":\"FeatureCollection\",\"features\":[{\"properties\":{\"source\":\"x\"}}]}").ShouldBeOfType<GeoJsonFormat>();
    }
}
