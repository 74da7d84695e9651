using Shouldly;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.GeoJson;
using TruceWatch.Ingest.JsonLines;
using Xunit;

namespace TruceWatch.Ingest.Tests.Formats;

/// <summary>The JSON adapters against broken input: BOM and CRLF, a cut-off file, absurd values, HTML in text. Nothing throws.</summary>
public sealed class HostileJsonTests
{
    private static readonly string Good =
        """{"source": "p", "source_record_id": "a1", "start_time": "2025-03-20T03:10:00+02:00", "perpetrator": "RU", "lat": 49.99, "lon": 36.23}""";

    private static List<ImportItem> Lines(string text) =>
        [.. new JsonLinesFormat(WeaponCatalog.Bundled).Read(new StringReader(text), TestContext.Current.CancellationToken)];

    [Fact]
    public void JSON_Lines_with_a_BOM_CRLF_and_a_cut_off_last_line_keeps_the_whole_lines_and_rejects_the_cut_one_at_its_line()
    {
        var text = "\uFEFF" + Good + "\r\n" + Good.Replace("a1", "a2", StringComparison.Ordinal) + "\r\n" + Good.Replace("a1", "a3", StringComparison.Ordinal)[..40];

        var items = Lines(text);

        items.OfType<ImportItem.Accepted>().Select(a => a.Record.Report.Key.SourceRecordId).ShouldBe(["a1", "a2"]);
        items.OfType<ImportItem.Rejected>().ShouldHaveSingleItem().Row.Reason.ShouldStartWith("line 3: ");
    }

    [Theory]
    [InlineData("\"start_time\": \"1900-01-01\"", "before 1990")]
    [InlineData("\"start_time\": \"2099-01-01\"", "in the future")]
    [InlineData("\"lat\": 123.5", "lat")]
    [InlineData("\"lon\": 500", "lon")]
    [InlineData("\"launched\": -5", "launched")]
    public void An_absurd_value_in_a_JSON_line_is_rejected_at_its_line_with_the_field_named(string property, string expected)
    {
        var name = property[1..property.IndexOf('"', 1)];
        var bad = System.Text.RegularExpressions.Regex.Replace(Good, $"\"{name}\": [^,}}]+", property);
        if (!bad.Contains(property, StringComparison.Ordinal))
        {
            bad = bad.TrimEnd('}') + ", " + property + "}";
        }

        var items = Lines(Good + "\n" + bad.Replace("a1", "a2", StringComparison.Ordinal) + "\n");

        items.OfType<ImportItem.Accepted>().ShouldHaveSingleItem();
        var rejected = items.OfType<ImportItem.Rejected>().ShouldHaveSingleItem().Row;
        rejected.Line.ShouldBe(2);
        rejected.Reason.ShouldStartWith("line 2: ");
        rejected.Reason.ShouldContain(expected);
    }

    [Fact]
    public void HTML_in_a_description_is_kept_verbatim_as_text()
    {
        var items = Lines(Good.TrimEnd('}') + ", \"description\": \"<script>alert(1)</script> <b>hit</b>\"}\n");

        items.ShouldHaveSingleItem().ShouldBeOfType<ImportItem.Accepted>().Record.Report.Description.ShouldBe("<script>alert(1)</script> <b>hit</b>");
    }

    [Fact]
    public void A_GeoJSON_file_cut_off_mid_feature_is_rejected_with_where_it_broke_and_nothing_throws()
    {
        var text = """{"type": "FeatureCollection", "features": [{"type": "Feature", "geometry": {"type": "Point", "coordinates": [36.23, 49.99]}, "properties": {"source": "p", "source_record_id": "g1", "start_time": "2025-03-20"}}, {"type": "Feature", "geometry": {"type": "Poi""";

        var items = new GeoJsonFormat(WeaponCatalog.Bundled).Read(new StringReader("\uFEFF" + text), TestContext.Current.CancellationToken).ToList();

        var rejected = items.OfType<ImportItem.Rejected>().ShouldHaveSingleItem().Row;
        rejected.Reason.ShouldContain("not JSON");
        rejected.Reason.ShouldMatch(@"line \d+|position \d+|byte \d+");
    }
}
