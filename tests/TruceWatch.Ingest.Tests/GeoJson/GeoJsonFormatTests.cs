using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.GeoJson;
using Shouldly;
using Xunit;

namespace TruceWatch.Ingest.Tests.GeoJson;

/// <summary>GeoJSON FeatureCollections of canonical properties: read by the canonical rules, placed by their Point, bad features quarantined.</summary>
public sealed class GeoJsonFormatTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "GeoJson", "strikes.geojson");

    private static List<ImportItem> ReadSample()
    {
        using var reader = new StreamReader(Sample);
        return [.. new GeoJsonFormat(WeaponCatalog.Bundled).Read(reader, TestContext.Current.CancellationToken)];
    }

    [Fact]
    public void The_registry_recognises_a_GeoJSON_file_by_its_first_line()
    {
        FormatRegistry.Default.Detect(File.ReadLines(Sample).First()).ShouldBeOfType<GeoJsonFormat>();
        FormatRegistry.Default.Detect("{\"type\":\"FeatureCollection\",\"features\":[]}").ShouldBeOfType<GeoJsonFormat>();
    }

    [Fact]
    public void Good_features_become_reports_placed_at_their_point_with_the_feature_as_payload()
    {
        var accepted = ReadSample().OfType<ImportItem.Accepted>().Select(a => a.Record).ToList();

        accepted.Select(r => r.Report.Key.SourceRecordId).ShouldBe(["2025-03-20-001", "2025-03-21-002"]);
        var first = accepted[0];
        first.Line.ShouldBe(1);
        first.Payload.ShouldContain("\"source_record_id\": \"2025-03-20-001\"");
        first.Report.Place.Point.ShouldBe(new GeoPoint(49.9935, 36.2304));
        first.Report.Place.Name.ShouldBe("Kharkiv, \"ТЕЦ-5\"");
        first.Report.Targets.Select(t => t.Value).ShouldBe(["energy.generation.thermal", "civilian.residential"]);
        first.Report.Harm.Injured.ShouldBe(2);
        first.Report.Harm.Killed.ShouldBeNull("not given is unknown, not zero");
        accepted[1].Report.Place.Point.ShouldBe(new GeoPoint(46.4825, 30.7233), "no geometry: the lat/lon properties place it");
        accepted[1].Report.Time.Precision.ShouldBe(TimePrecision.Day);
    }

    [Fact]
    public void Each_bad_feature_is_quarantined_with_its_number_and_reason()
    {
        var rejected = ReadSample().OfType<ImportItem.Rejected>().Select(r => r.Row).ToList();

        rejected.Select(r => r.Line).ShouldBe([3L, 4L, 5L, 6L]);
        rejected[0].Reason.ShouldStartWith("feature 3: geometry [30.5234, 50.4501] and properties lat/lon (49.0, 30.5234) disagree");
        rejected[1].Reason.ShouldBe("feature 4: geometry is a Polygon; a report is placed at a Point");
        rejected[2].Reason.ShouldStartWith("feature 5: unknown property severity");
        rejected[3].Reason.ShouldStartWith("feature 6: ");
        rejected[3].Reason.ShouldContain("2025-02-30");
        rejected[3].Payload.ShouldContain("\"2025-02-30-006\"");
    }

    [Fact]
    public void Text_that_is_not_a_FeatureCollection_is_rejected_whole()
    {
        var format = new GeoJsonFormat(WeaponCatalog.Bundled);

        format.Read(new StringReader("{ \"type\": \"Feature\" }"), TestContext.Current.CancellationToken).ShouldHaveSingleItem()
            .ShouldBeOfType<ImportItem.Rejected>().Row.Reason.ShouldContain("not a GeoJSON FeatureCollection");
        format.Read(new StringReader("{ \"type\": "), TestContext.Current.CancellationToken).ShouldHaveSingleItem()
            .ShouldBeOfType<ImportItem.Rejected>().Row.Reason.ShouldContain("not JSON");
    }
}
