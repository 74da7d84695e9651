using Shouldly;
using Xunit;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Canonical;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;

namespace TruceWatch.Ingest.Tests.Canonical;

public sealed class CanonicalCsvFormatTests
{
    private const string Header = CanonicalColumns.Header;
    private static readonly CanonicalCsvFormat Format = new(WeaponCatalog.Bundled);

    private static List<ImportItem> Read(string text) => [.. Format.Read(new StringReader(text), TestContext.Current.CancellationToken)];

    private static Report Single(string row)
    {
        var items = Read(Header + "\n" + row + "\n");
        items.Count.ShouldBe(1);
        return items[0].ShouldBeOfType<ImportItem.Accepted>().Record.Report;
    }

    private static string Rejection(string row)
    {
        var items = Read(Header + "\n" + row + "\n");
        items.Count.ShouldBe(1);
        return items[0].ShouldBeOfType<ImportItem.Rejected>().Row.Reason;
    }

    [Fact]
    public void Every_real_row_of_the_energy_strikes_sample_is_accepted()
    {
        var path = Path.Combine(Repo.Root, "data", "ua-strikes-on-russian-energy", "reports.csv");
        using var reader = new StreamReader(path);
        var items = Format.Read(reader, TestContext.Current.CancellationToken).ToList();

        items.Count.ShouldBe(67);
        items.ShouldAllBe(i => i is ImportItem.Accepted);
        var reports = items.Cast<ImportItem.Accepted>().Select(a => a.Record.Report).ToList();
        reports.Select(r => r.Key).Distinct().Count().ShouldBe(67);

        var tuapse = reports.First(r => r.Place.Name == "Tuapse");
        tuapse.Perpetrator.ShouldBe(PartyCode.Ukraine);
        tuapse.Domain.ShouldBe(StrikeDomain.Air);
        tuapse.Means.ShouldBe(TaxonomyPath.Parse("drone.long-range"));
        tuapse.Targets.ShouldBe([TaxonomyPath.Parse("energy.oil.refinery")]);
        tuapse.Time.Precision.ShouldBe(TimePrecision.Day);
        tuapse.Time.Start.ShouldBe(new DateTimeOffset(2024, 1, 24, 0, 0, 0, TimeSpan.FromHours(2)));
        tuapse.Place.Country.ShouldBe("RU");
    }

    [Fact]
    public void A_full_row_maps_every_field()
    {
        var r = Single("ua-airforce,2025-03-20-001,2025-03-20T09:00:00+02:00,2025-03-20T03:10:00+02:00,2025-03-20T03:40:00+02:00,RU,air,missile.cruise,Kh-101,6,5,1,UA,UA-63,Kharkiv,49.99,36.23,energy.grid.substation;civilian.residential,0,3,\"Substation hit, outage\"");

        r.Key.ShouldBe(new ReportKey("ua-airforce", "2025-03-20-001"));
        r.ReportedAt.ShouldBe(new DateTimeOffset(2025, 3, 20, 9, 0, 0, TimeSpan.FromHours(2)));
        r.Time.Start.ShouldBe(new DateTimeOffset(2025, 3, 20, 3, 10, 0, TimeSpan.FromHours(2)));
        r.Time.End.ShouldBe(new DateTimeOffset(2025, 3, 20, 3, 40, 0, TimeSpan.FromHours(2)));
        r.Time.Precision.ShouldBe(TimePrecision.Second);
        r.Perpetrator.ShouldBe(PartyCode.Russia);
        r.Domain.ShouldBe(StrikeDomain.Air);
        r.Means.ShouldBe(TaxonomyPath.Parse("missile.cruise"));
        r.MeansInferred.ShouldBeFalse();
        r.Weapon.ShouldBe("Kh-101");
        r.Counts.ShouldBe(new StrikeCounts(6, 5, 1));
        r.Place.ShouldBe(new Place("UA", "UA-63", "Kharkiv", new GeoPoint(49.99, 36.23), PlacePrecision.Point));
        r.Targets.ShouldBe([TaxonomyPath.Parse("energy.grid.substation"), TaxonomyPath.Parse("civilian.residential")]);
        r.Harm.ShouldBe(new Harm(0, 3));
        r.Description.ShouldBe("Substation hit, outage");
    }

    [Fact]
    public void Empty_fields_are_unknown_not_zero()
    {
        var r = Single("media,x1,,2025-03-20,,,,,,,,,,,,,,,,,");

        r.Perpetrator.ShouldBeNull();
        r.Domain.ShouldBeNull();
        r.Means.ShouldBeNull();
        r.Counts.ShouldBe(StrikeCounts.Unknown);
        r.Harm.ShouldBe(Harm.Unknown);
        r.Targets.ShouldBeEmpty();
        r.Place.Precision.ShouldBe(PlacePrecision.Unknown);
        r.Time.Precision.ShouldBe(TimePrecision.Day);
    }

    [Theory]
    [InlineData("Shahed-136/131", "drone.long-range")]
    [InlineData("Geran-2", "drone.long-range")]
    [InlineData("Kalibr", "missile.cruise")]
    [InlineData("Iskander-M", "missile.ballistic")]
    [InlineData("Kh-47M2 Kinzhal", "missile.aeroballistic")]
    public void An_empty_means_is_inferred_from_a_known_weapon(string weapon, string means)
    {
        var r = Single($"ua-airforce,w1,,2025-03-20T03:00:00+02:00,,RU,,,{weapon},,,,UA,,,,,,,,");

        r.Means.ShouldBe(TaxonomyPath.Parse(means));
        r.MeansInferred.ShouldBeTrue();
        r.Domain.ShouldBe(StrikeDomain.Air);
    }

    [Fact]
    public void An_unknown_weapon_keeps_the_row_with_means_unknown()
    {
        var r = Single("osint,w2,,2025-03-20T03:00:00+02:00,,RU,,,Wunderwaffe-9,,,,UA,,,,,,,,");

        r.Weapon.ShouldBe("Wunderwaffe-9");
        r.Means.ShouldBeNull();
        r.Domain.ShouldBeNull();
    }

    [Theory]
    [InlineData("s,1,,2025-13-45,,,,,,,,,,,,,,,,,", "start_time")]
    [InlineData("s,1,,2025-03-20T03:00:00,,,,,,,,,,,,,,,,,", "has no UTC offset")]
    [InlineData("s,1,,2025-03-20T03:00:00+02:00,2025-03-19T03:00:00+02:00,,,,,,,,,,,,,,,,", "before start_time")]
    [InlineData("s,1,,1900-03-20,,,,,,,,,,,,,,,,,", "before 1990")]
    [InlineData("s,1,,2025-03-20,,Russia!,,,,,,,,,,,,,,,", "perpetrator")]
    [InlineData("s,1,,2025-03-20,,,space,,,,,,,,,,,,,,", "domain 'space'")]
    [InlineData("s,1,,2025-03-20,,,,missile.laser,,,,,,,,,,,,,", "means 'missile.laser'")]
    [InlineData("s,1,,2025-03-20,,,,,,-3,,,,,,,,,,,", "launched '-3'")]
    [InlineData("s,1,,2025-03-20,,,,,,many,,,,,,,,,,,", "launched 'many'")]
    [InlineData("s,1,,2025-03-20,,,,,,,,,,,,45.5,200,,,,", "lon '200'")]
    [InlineData("s,1,,2025-03-20,,,,,,,,,,,,48.5,,,,,", "lat and lon must be given together")]
    [InlineData("s,1,,2025-03-20,,,,,,,,,,,,,,energy.fusion,,,", "target 'energy.fusion'")]
    [InlineData(",1,,2025-03-20,,,,,,,,,,,,,,,,,", "source is empty")]
    public void A_bad_row_is_quarantined_with_its_line_and_reason(string row, string expected)
    {
        var reason = Rejection(row);

        reason.ShouldStartWith("line 2: ");
        reason.ShouldContain(expected);
    }

    [Fact]
    public void Every_problem_in_a_row_is_reported_at_once()
    {
        var reason = Rejection("s,1,,2025-03-20,,XX!,space,,,-1,,,,,,,,energy.fusion,,,");

        reason.ShouldContain("perpetrator");
        reason.ShouldContain("domain");
        reason.ShouldContain("launched");
        reason.ShouldContain("target");
    }

    [Fact]
    public void Bad_rows_cost_no_good_rows()
    {
        var text = Header + "\n" +
            "s,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\n" +
            "s,2,,not-a-date,,RU,,,,,,,,,,,,,,,\n" +
            "s,3,,2025-03-21,,RU,,,,\n" +
            "s,4,,2025-03-22,,UA,,,,,,,,,,,,,,,\n";

        var items = Read(text);

        items.OfType<ImportItem.Accepted>().Select(a => a.Record.Report.Key.SourceRecordId).ShouldBe(["1", "4"]);
        var rejected = items.OfType<ImportItem.Rejected>().Select(r => r.Row).ToList();
        rejected.Select(r => r.Line).ShouldBe([3L, 4L]);
        rejected[1].Reason.ShouldContain("has 10 field(s), the header has 21");
        rejected[0].Payload.ShouldBe("s,2,,not-a-date,,RU,,,,,,,,,,,,,,,");
    }

    [Fact]
    public void A_header_without_required_columns_is_rejected_as_a_whole()
    {
        var items = Read("source,start_time,perpetrator\ns,2025-03-20,RU\n");

        var rejected = items.ShouldHaveSingleItem().ShouldBeOfType<ImportItem.Rejected>().Row;
        rejected.Line.ShouldBe(1);
        rejected.Reason.ShouldContain("source_record_id");
    }

    [Fact]
    public void A_byte_order_mark_and_crlf_line_endings_are_read_like_plain_utf8()
    {
        var text = "\uFEFF" + Header + "\r\n" + "s,1,,2025-03-20,,RU,,,,,,,,,,,,,,,\r\n" + "s,2,,2025-03-21,,UA,,,,,,,,,,,,,,,\r\n";
        var bytes = System.Text.Encoding.UTF8.GetPreamble().Concat(System.Text.Encoding.UTF8.GetBytes(text[1..])).ToArray();
        using var reader = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true);

        var items = Format.Read(reader, TestContext.Current.CancellationToken).ToList();

        Format.Recognizes(text).ShouldBeTrue();
        items.Count.ShouldBe(2);
        items.ShouldAllBe(i => i is ImportItem.Accepted);
        items.Cast<ImportItem.Accepted>().Select(a => a.Record.Report.Perpetrator!.Value.Value).ShouldBe(["RU", "UA"]);
        items[1].Line.ShouldBe(3);
    }

    [Fact]
    public void Quoted_fields_keep_their_commas_quotes_and_newlines()
    {
        var r = Single("s,1,,2025-03-20,,RU,,,,,,,UA,,\"Odesa, port\",,,,,,\"He said \"\"two hits\"\",\nthen fire\"");

        r.Place.Name.ShouldBe("Odesa, port");
        r.Description.ShouldBe("He said \"two hits\",\nthen fire");
    }

    [Fact]
    public void A_row_without_a_record_id_gets_a_stable_id_from_its_content()
    {
        const string Row = "s,,,2025-03-20,,RU,,,,,,,,,,,,,,,";
        var first = Single(Row);
        var again = Single(Row);
        var other = Single("s,,,2025-03-21,,RU,,,,,,,,,,,,,,,");

        first.Key.SourceRecordId.ShouldStartWith("sha256:");
        again.Key.ShouldBe(first.Key);
        other.Key.ShouldNotBe(first.Key);
    }

    [Fact]
    public void The_registry_detects_each_format_from_its_header()
    {
        FormatRegistry.Default.Detect("\uFEFF" + Header)!.Name.ShouldBe("canonical");
        FormatRegistry.Default.Detect("time_start,time_end,model,launch_place,target,target_main,launched")!.Name.ShouldBe("missile-attacks-daily");
        FormatRegistry.Default.Detect("id,name,value").ShouldBeNull();
    }
}
