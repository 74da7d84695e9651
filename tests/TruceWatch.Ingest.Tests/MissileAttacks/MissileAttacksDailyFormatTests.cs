using System.Text;
using Shouldly;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Gazetteer;
using TruceWatch.Ingest.MissileAttacks;
using Xunit;

namespace TruceWatch.Ingest.Tests.MissileAttacks;

public sealed class MissileAttacksDailyFormatTests
{
    private const string Header =
        "time_start,time_end,model,launch_place,target,target_main,launched,destroyed,not_reach_goal,still_attacking,border_crossing,is_shahed,"
        + "num_hit_location,num_fall_fragment_location,carrier,turbojet,turbojet_destroyed,affected region,destroyed_details,launched_details,"
        + "launch_place_details,source";

    private static readonly MissileAttacksDailyFormat Format = new(WeaponCatalog.Bundled, OblastGazetteer.Bundled);

    private static readonly Lazy<List<ImportItem>> RealItems = new(() =>
    {
        using var reader = new StreamReader(RealDataSet.DailyPath, Encoding.UTF8);
        return [.. Format.Read(reader)];
    });

    // ---- the real file

    [Fact]
    public void The_whole_real_file_imports_without_a_rejection()
    {
        RealItems.Value.OfType<ImportItem.Rejected>().Select(r => r.Row.Reason).ShouldBeEmpty();
        RealItems.Value.Count.ShouldBe(RealDataSet.DailyRows);
    }

    [Fact]
    public void Every_real_row_gets_a_distinct_record_id()
    {
        var keys = Accepted(RealItems.Value).Select(r => r.Report.Key).ToList();
        keys.Distinct().Count().ShouldBe(keys.Count);
        // 18 pairs of rows share post, window and model and differ only in target or launch area.
        keys.Count(k => k.SourceRecordId.EndsWith("#2", StringComparison.Ordinal)).ShouldBe(18);
        keys.ShouldAllBe(k => k.Source == "ua-airforce-daily");
    }

    [Fact]
    public void Every_real_model_resolves_to_a_means_class() =>
        Accepted(RealItems.Value).Where(r => r.Report.Means is null).Select(r => r.Report.Weapon).Distinct().ShouldBeEmpty();

    [Fact]
    public void Every_real_target_naming_one_area_resolves_to_a_region_unless_it_is_a_direction()
    {
        string[] directions = ["Ukraine", "south", "east", "north", "west", "center", "north-east", "south-east", "front line"];
        Accepted(RealItems.Value)
            .Select(r => r.Report.Place)
            .Where(p => p.Name is { } name && !name.Contains(" and ", StringComparison.Ordinal) && !directions.Contains(name))
            .Where(p => p.Admin1 is null)
            .Select(p => p.Name)
            .Distinct()
            .ShouldBeEmpty();
    }

    [Fact]
    public void Reading_the_real_file_twice_gives_the_same_ids()
    {
        using var reader = new StreamReader(RealDataSet.DailyPath, Encoding.UTF8);
        var again = Accepted(Format.Read(reader, TestContext.Current.CancellationToken)).Select(r => r.Report.Key);
        again.ShouldBe(Accepted(RealItems.Value).Select(r => r.Report.Key));
    }

    [Fact]
    public void Real_Shahed_night_maps_every_field()
    {
        var record = RealLine(2);
        var report = record.Report;
        report.Key.ShouldBe(new ReportKey("ua-airforce-daily",
            "2026-04-04 18:00|2026-04-05 08:00|Shahed-136/131|kpszsu/posts/pfbid0pZC4FfgZfabzw5M8mcecr3wQJhytEXPDWQbcpEPaj8PAnXNB3BhVEN13DGKatCNBl"));
        report.ReportedAt.ShouldBeNull();
        report.Time.ShouldBe(new ReportedTime(At("2026-04-04T18:00:00+03:00"), At("2026-04-05T08:00:00+03:00"), TimePrecision.Minute));
        report.Perpetrator.ShouldBe(PartyCode.Russia);
        report.Domain.ShouldBe(StrikeDomain.Air);
        report.Means.ShouldBe(TaxonomyPath.Parse("drone.long-range"));
        report.MeansInferred.ShouldBeTrue();
        report.Weapon.ShouldBe("Shahed-136/131");
        report.Counts.ShouldBe(new StrikeCounts(93, 76, null));
        report.Place.ShouldBe(new Place("UA", null, "Ukraine", null, PlacePrecision.Country));
        report.Targets.ShouldBeEmpty();
        report.Harm.ShouldBe(Harm.Unknown);
        report.Description.ShouldBe(
            "Launched from Primorsko-Akhtarsk and Kursk oblast and Bryansk oblast and Oryol oblast and Millerovo and Hvardiiske, Crimea. "
            + "Hits in 10 location(s). Debris fell in 3 location(s). Lost in flight or jammed: 0. Still in the air when posted: 0. "
            + "Post: https://www.facebook.com/kpszsu/posts/pfbid0pZC4FfgZfabzw5M8mcecr3wQJhytEXPDWQbcpEPaj8PAnXNB3BhVEN13DGKatCNBl");
        record.Payload.ShouldStartWith("2026-04-04 18:00,2026-04-05 08:00,Shahed-136/131,\"Primorsko-Akhtarsk and Kursk oblast");
        record.Payload.ShouldEndWith(",,,kpszsu/posts/pfbid0pZC4FfgZfabzw5M8mcecr3wQJhytEXPDWQbcpEPaj8PAnXNB3BhVEN13DGKatCNBl");
    }

    [Fact]
    public void Real_day_only_row_from_Air_Command_South_maps_every_field()
    {
        var report = RealLine(4).Report;
        report.Key.SourceRecordId.ShouldBe(
            "2026-04-04|2026-04-04|Unknown UAV|PvKPivden/posts/pfbid02FBfDLZcgjx6zDsuHcKumn6jApUQ9Va9yGFpZ4tM3zcEYm6UBLbNsXcpXaKsCGzLvl");
        report.Time.ShouldBe(new ReportedTime(At("2026-04-04T00:00:00+03:00"), At("2026-04-04T00:00:00+03:00"), TimePrecision.Day));
        report.Time.Latest.ShouldBe(At("2026-04-05T00:00:00+03:00") - TimeSpan.FromTicks(1));
        report.Perpetrator.ShouldBe(PartyCode.Russia);
        report.Domain.ShouldBe(StrikeDomain.Air);
        report.Means.ShouldBe(TaxonomyPath.Parse("drone"));
        report.Weapon.ShouldBe("Unknown UAV");
        report.Counts.ShouldBe(new StrikeCounts(94, 94, null));
        report.Place.ShouldBe(new Place("UA", null, "south", null, PlacePrecision.Country));
        report.Targets.ShouldBeEmpty();
        report.Description.ShouldBe(
            "Post: https://www.facebook.com/PvKPivden/posts/pfbid02FBfDLZcgjx6zDsuHcKumn6jApUQ9Va9yGFpZ4tM3zcEYm6UBLbNsXcpXaKsCGzLvl");
    }

    [Fact]
    public void Real_raion_target_maps_to_its_oblast_with_the_raion_as_name()
    {
        var report = RealLine(2455).Report;
        report.Key.SourceRecordId.ShouldBe(
            "2024-06-01 19:00|2024-06-01 19:00|X-59/X-69|pvkshid/posts/pfbid037Z67PQUZswLmVxHeXN47tygQQrvE3BzoeLpULrrsLcbPwiwLNZz8q8Y9z3YFadRrl");
        report.Time.ShouldBe(new ReportedTime(At("2024-06-01T19:00:00+03:00"), At("2024-06-01T19:00:00+03:00"), TimePrecision.Minute));
        report.Perpetrator.ShouldBe(PartyCode.Russia);
        report.Domain.ShouldBe(StrikeDomain.Air);
        report.Means.ShouldBe(TaxonomyPath.Parse("missile.cruise"));
        report.Weapon.ShouldBe("X-59/X-69");
        report.Counts.ShouldBe(new StrikeCounts(1, 1, null));
        report.Place.ShouldBe(new Place("UA", "UA-12", "Kryvyi Rih Raion", null, PlacePrecision.Admin1));
        report.Description.ShouldBe(
            "Post: https://www.facebook.com/pvkshid/posts/pfbid037Z67PQUZswLmVxHeXN47tygQQrvE3BzoeLpULrrsLcbPwiwLNZz8q8Y9z3YFadRrl");
    }

    [Fact]
    public void Real_city_target_in_winter_time_maps_to_the_city_and_its_oblast()
    {
        var report = RealLine(1353).Report;
        report.Time.ShouldBe(new ReportedTime(At("2025-03-14T19:30:00+02:00"), At("2025-03-15T08:30:00+02:00"), TimePrecision.Minute));
        report.Means.ShouldBe(TaxonomyPath.Parse("missile.ballistic"));
        report.Weapon.ShouldBe("Iskander-M");
        report.Counts.ShouldBe(new StrikeCounts(2, 0, null));
        report.Place.ShouldBe(new Place("UA", "UA-12", "Kryvyi Rih", null, PlacePrecision.Settlement));
        report.Description.ShouldBe(
            "Launched from Kursk oblast. Post: https://www.facebook.com/kpszsu/posts/pfbid0fGMFnm2LCuqD94LLU1kR5YQvWgutYcxhxhyHu3Zq2jmPM5yQWNUiMLVdXiC5AbrKl");
    }

    [Fact]
    public void Real_row_with_a_one_digit_hour_parses()
    {
        var report = RealLine(3361).Report;
        report.Time.Start.ShouldBe(At("2023-05-16T03:30:00+03:00"));
        report.Time.End.ShouldBe(At("2023-05-16T07:00:00+03:00"));
        report.Means.ShouldBe(TaxonomyPath.Parse("missile.aeroballistic"));
    }

    [Fact]
    public void Real_strike_on_Kursk_oblast_is_placed_in_Russia() =>
        RealLine(1600).Report.Place.ShouldBe(new Place("RU", "RU-KRS", "Kursk oblast", null, PlacePrecision.Admin1));

    [Fact]
    public void Real_row_from_a_regional_administration_site_links_to_that_site() =>
        RealLine(3153).Report.Description.ShouldBe("Post: https://kharkivoda.gov.ua/news/123125");

    // ---- header

    [Theory]
    [InlineData(Header, true)]
    [InlineData("\uFEFF" + Header, true)]
    [InlineData("time_start,time_end,model,launch_place,target", true)]
    [InlineData("source,source_record_id,reported_at", false)]
    [InlineData("time_start,time_end,model", false)]
    public void Recognizes_its_header(string header, bool expected) => Format.Recognizes(header).ShouldBe(expected);

    [Fact]
    public void Format_names_itself_and_its_default_source()
    {
        Format.Name.ShouldBe("missile-attacks-daily");
        Format.DefaultSource.ShouldBe("ua-airforce-daily");
    }

    [Fact]
    public void A_header_without_required_columns_is_one_rejection_at_line_1()
    {
        var items = Read("time_start,time_end,model,launch_place,target\n2025-03-14,2025-03-14,Kalibr,,Odesa oblast\n");
        var rejected = items.ShouldHaveSingleItem().ShouldBeOfType<ImportItem.Rejected>();
        rejected.Line.ShouldBe(1);
        rejected.Row.Reason.ShouldBe(
            "line 1: header lacks column(s) launched, destroyed, source; expected a header starting time_start,time_end,model,launch_place,target");
    }

    [Fact]
    public void An_empty_file_yields_nothing() => Read("").ShouldBeEmpty();

    // ---- broken rows: quarantined with a located reason, the rows around them still go in

    [Fact]
    public void A_row_with_missing_columns_is_quarantined_and_its_neighbours_go_in()
    {
        var items = Read(Header + "\n" + Row() + "\n2025-03-14,2025-03-14,Kalibr,,Odesa oblast\n" + Row(model: "Iskander-M") + "\n");
        items.Count.ShouldBe(3);
        items[0].ShouldBeOfType<ImportItem.Accepted>().Line.ShouldBe(2);
        var rejected = items[1].ShouldBeOfType<ImportItem.Rejected>();
        rejected.Row.ShouldBe(new QuarantinedRow(3, "line 3: has 5 field(s), the header has 22", "2025-03-14,2025-03-14,Kalibr,,Odesa oblast"));
        items[2].ShouldBeOfType<ImportItem.Accepted>().Line.ShouldBe(4);
    }

    [Theory]
    [InlineData("yesterday", "2025-03-15 08:30", "line 2: time_start 'yesterday' is not a date (YYYY-MM-DD[ HH:MM])")]
    [InlineData("2025-13-01", "2025-03-15 08:30", "line 2: time_start '2025-13-01' is not a date (YYYY-MM-DD[ HH:MM])")]
    [InlineData("2025/03/14 19:30", "2025-03-15 08:30", "line 2: time_start '2025/03/14 19:30' is not a date (YYYY-MM-DD[ HH:MM])")]
    [InlineData("2025-03-14 25:00", "2025-03-15 08:30", "line 2: time_start '2025-03-14 25:00' is not a date (YYYY-MM-DD[ HH:MM])")]
    [InlineData("2025-03-14 19:30", "soon", "line 2: time_end 'soon' is not a date (YYYY-MM-DD[ HH:MM])")]
    [InlineData("", "2025-03-15 08:30", "line 2: time_start is empty")]
    [InlineData("2025-03-15 08:30", "2025-03-14 19:30", "line 2: time_end '2025-03-14 19:30' is before time_start '2025-03-15 08:30'")]
    [InlineData("2025-03-15", "2025-03-14", "line 2: time_end '2025-03-14' is before time_start '2025-03-15'")]
    public void A_row_with_a_bad_time_is_quarantined(string start, string end, string reason) =>
        SingleRejected(Row(start: start, end: end)).Reason.ShouldBe(reason);

    [Theory]
    [InlineData("-3.0", "1.0", "line 2: launched '-3.0' is negative")]
    [InlineData("2.5", "1.0", "line 2: launched '2.5' is not a whole number")]
    [InlineData("many", "1.0", "line 2: launched 'many' is not a number")]
    [InlineData("3.0", "-1", "line 2: destroyed '-1' is negative")]
    [InlineData("3.0", "Infinity", "line 2: destroyed 'Infinity' is not a number")]
    public void A_row_with_a_bad_count_is_quarantined(string launched, string destroyed, string reason) =>
        SingleRejected(Row(launched: launched, destroyed: destroyed)).Reason.ShouldBe(reason);

    [Fact]
    public void A_row_with_an_empty_model_is_quarantined() => SingleRejected(Row(model: "")).Reason.ShouldBe("line 2: model is empty");

    [Fact]
    public void Every_problem_in_a_row_is_reported_at_once() =>
        SingleRejected(Row(start: "someday", model: " ", launched: "-1")).Reason
            .ShouldBe("line 2: model is empty; time_start 'someday' is not a date (YYYY-MM-DD[ HH:MM]); launched '-1' is negative");

    [Fact]
    public void A_quarantined_row_keeps_its_raw_text()
    {
        var row = Row(launched: "-1");
        SingleRejected(row).Payload.ShouldBe(row);
    }

    // ---- rows that go in

    [Theory]
    [InlineData("", "", null)]
    [InlineData("nan", "NaN", null)]
    [InlineData("12", "12.0", 12)]
    public void Empty_and_NaN_counts_are_not_reported_and_floats_are_whole_numbers(string launched, string destroyed, int? expected)
    {
        var counts = SingleReport(Row(launched: launched, destroyed: destroyed)).Counts;
        counts.ShouldBe(new StrikeCounts(expected, expected, null));
    }

    [Fact]
    public void An_unknown_weapon_keeps_its_row_without_means()
    {
        var report = SingleReport(Row(model: "Atlantis-9"));
        report.Weapon.ShouldBe("Atlantis-9");
        report.Means.ShouldBeNull();
        report.MeansInferred.ShouldBeFalse();
        report.Domain.ShouldBe(StrikeDomain.Air);
    }

    [Fact]
    public void A_compound_model_maps_to_the_common_class_of_its_parts() =>
        SingleReport(Row(model: "X-101/X-555 and Kalibr and Iskander-K")).Means.ShouldBe(TaxonomyPath.Parse("missile.cruise"));

    [Fact]
    public void A_file_with_a_byte_order_mark_imports()
    {
        var items = Read("\uFEFF" + Header + "\n" + Row() + "\n");
        items.ShouldHaveSingleItem().ShouldBeOfType<ImportItem.Accepted>().Record.Report.Weapon.ShouldBe("Kalibr");
    }

    [Fact]
    public void A_file_with_CRLF_line_endings_imports_with_clean_payloads_and_right_lines()
    {
        var items = Read(Header + "\r\n" + Row() + "\r\n" + Row(model: "Iskander-M") + "\r\n");
        var records = Accepted(items).ToList();
        records.Count.ShouldBe(2);
        records.Select(r => r.Line).ShouldBe([2L, 3L]);
        records.ShouldAllBe(r => !r.Payload.Contains('\r') && !r.Payload.Contains('\n'));
        records[1].Report.Weapon.ShouldBe("Iskander-M");
    }

    [Fact]
    public void Quoted_commas_in_launch_place_stay_in_one_field()
    {
        var report = SingleReport(Row(launchPlace: "Chauda, Crimea and Kursk oblast"));
        report.Description.ShouldStartWith("Launched from Chauda, Crimea and Kursk oblast. ");
        report.Counts.ShouldBe(new StrikeCounts(2, 1, null));
    }

    [Fact]
    public void A_row_after_a_quoted_line_break_has_its_own_line_number()
    {
        var items = Read(Header + "\n" + Row(launchPlace: "Crimea\nand Kursk oblast") + "\n" + Row(model: "Iskander-M") + "\n");
        Accepted(items).Select(r => r.Line).ShouldBe([2L, 4L]);
    }

    [Fact]
    public void Rows_sharing_a_window_model_and_post_get_numbered_ids_in_file_order()
    {
        var items = Read(Header + "\n" + Row(target: "Odesa oblast") + "\n" + Row(target: "Mykolaiv oblast") + "\n" + Row(target: "Kherson oblast") + "\n");
        Accepted(items).Select(r => r.Report.Key.SourceRecordId).ShouldBe([
            "2025-03-14 19:30|2025-03-15 08:30|Kalibr|kpszsu/posts/p1",
            "2025-03-14 19:30|2025-03-15 08:30|Kalibr|kpszsu/posts/p1#2",
            "2025-03-14 19:30|2025-03-15 08:30|Kalibr|kpszsu/posts/p1#3",
        ]);
    }

    [Fact]
    public void A_quarantined_row_still_takes_its_number_so_fixing_it_renumbers_nothing()
    {
        var items = Read(Header + "\n" + Row(launched: "-1") + "\n" + Row(target: "Mykolaiv oblast") + "\n");
        Accepted(items).ShouldHaveSingleItem().Report.Key.SourceRecordId.ShouldEndWith("|kpszsu/posts/p1#2");
    }

    [Theory]
    [InlineData("2024-10-28 19:00", "2024-10-29", "2024-10-28T19:00:00+02:00", "2024-10-29T23:59:00+02:00", TimePrecision.Minute)]
    [InlineData("2024-10-28 19:00", "2024-10-28", "2024-10-28T19:00:00+02:00", "2024-10-28T23:59:00+02:00", TimePrecision.Minute)]
    [InlineData("2025-11-21", "2025-11-21 15:00", "2025-11-21T00:00:00+02:00", "2025-11-21T15:00:00+02:00", TimePrecision.Minute)]
    [InlineData("2025-07-09", "2025-07-10", "2025-07-09T00:00:00+03:00", "2025-07-10T00:00:00+03:00", TimePrecision.Day)]
    [InlineData("2025-03-06 21:00 ", " 2025-03-07 10:00", "2025-03-06T21:00:00+02:00", "2025-03-07T10:00:00+02:00", TimePrecision.Minute)]
    public void Kyiv_wall_clock_times_become_instants_with_exact_bounds(string start, string end, string expectedStart, string expectedEnd,
        TimePrecision precision) =>
        SingleReport(Row(start: start, end: end)).Time.ShouldBe(new ReportedTime(At(expectedStart), At(expectedEnd), precision));

    [Fact]
    public void A_row_without_an_end_is_a_moment_at_its_own_precision() =>
        SingleReport(Row(start: "2025-07-09", end: "")).Time.ShouldBe(new ReportedTime(At("2025-07-09T00:00:00+03:00"), null, TimePrecision.Day));

    [Theory]
    [InlineData("Odesa oblast", "UA", "UA-51", "Odesa oblast", PlacePrecision.Admin1)]
    [InlineData("Kyiv oblast", "UA", "UA-32", "Kyiv oblast", PlacePrecision.Admin1)]
    [InlineData("Kyiv", "UA", "UA-30", "Kyiv", PlacePrecision.Settlement)]
    [InlineData("Kryvyi Rih", "UA", "UA-12", "Kryvyi Rih", PlacePrecision.Settlement)]
    [InlineData("Starokostiantyniv", "UA", "UA-68", "Starokostiantyniv", PlacePrecision.Settlement)]
    [InlineData("Snake Island", "UA", "UA-51", "Snake Island", PlacePrecision.Settlement)]
    [InlineData("Dnipropetrovsk oblast, Dnipro Raion", "UA", "UA-12", "Dnipro Raion", PlacePrecision.Admin1)]
    [InlineData("Kryvyi Rih Raion", "UA", "UA-12", "Kryvyi Rih Raion", PlacePrecision.Admin1)]
    [InlineData("Шосткинський район", "UA", "UA-59", "Шосткинський район", PlacePrecision.Admin1)]
    [InlineData("Odesa oblast, Black Sea", "UA", "UA-51", "Black Sea", PlacePrecision.Admin1)]
    [InlineData("Kyiv oblast (south)", "UA", "UA-32", "Kyiv oblast (south)", PlacePrecision.Admin1)]
    [InlineData("Hvardiiske, Crimea", "UA", "UA-43", "Hvardiiske", PlacePrecision.Settlement)]
    [InlineData("Kursk oblast", "RU", "RU-KRS", "Kursk oblast", PlacePrecision.Admin1)]
    [InlineData("Ukraine", "UA", null, "Ukraine", PlacePrecision.Country)]
    [InlineData("south", "UA", null, "south", PlacePrecision.Country)]
    [InlineData("front line", "UA", null, "front line", PlacePrecision.Country)]
    [InlineData("Atlantis", "UA", null, "Atlantis", PlacePrecision.Country)]
    [InlineData("", "UA", null, null, PlacePrecision.Country)]
    [InlineData("Odesa oblast and Mykolaiv oblast", "UA", null, "Odesa oblast and Mykolaiv oblast", PlacePrecision.Country)]
    [InlineData("Kyiv and Starokostiantyniv", "UA", null, "Kyiv and Starokostiantyniv", PlacePrecision.Country)]
    [InlineData("Kyiv oblast and north", "UA", null, "Kyiv oblast and north", PlacePrecision.Country)]
    [InlineData("Dnipropetrovsk oblast, Dnipro Raion and Dnipropetrovsk oblast, Kryvyi Rih Raion", "UA", "UA-12",
        "Dnipropetrovsk oblast, Dnipro Raion and Dnipropetrovsk oblast, Kryvyi Rih Raion", PlacePrecision.Admin1)]
    [InlineData("Sumy oblast and Kursk oblast", null, null, "Sumy oblast and Kursk oblast", PlacePrecision.Unknown)]
    public void Target_maps_to_a_place(string target, string? country, string? admin1, string? name, PlacePrecision precision) =>
        SingleReport(Row(target: target)).Place.ShouldBe(new Place(country, admin1, name, null, precision));

    [Theory]
    [InlineData("kpszsu/posts/p1", "Post: https://www.facebook.com/kpszsu/posts/p1")]
    [InlineData("https://t.me/kpszsu/22252", "Post: https://t.me/kpszsu/22252")]
    [InlineData("watch/?v=1216014506516442", "Post: https://www.facebook.com/watch/?v=1216014506516442")]
    [InlineData("GeneralStaff.ua/posts/p2", "Post: https://www.facebook.com/GeneralStaff.ua/posts/p2")]
    public void The_description_links_to_the_post(string source, string description) =>
        SingleReport(Row(source: source)).Description.ShouldBe(description);

    // ---- helpers

    private static ReportRecord RealLine(long line) => Accepted(RealItems.Value).Single(r => r.Line == line);

    private static DateTimeOffset At(string iso) => DateTimeOffset.Parse(iso, System.Globalization.CultureInfo.InvariantCulture);

    private static List<ImportItem> Read(string csv) => [.. Format.Read(new StringReader(csv))];

    private static IEnumerable<ReportRecord> Accepted(IEnumerable<ImportItem> items) => items.OfType<ImportItem.Accepted>().Select(a => a.Record);

    private static Report SingleReport(string row) =>
        Read(Header + "\n" + row + "\n").ShouldHaveSingleItem().ShouldBeOfType<ImportItem.Accepted>().Record.Report;

    private static QuarantinedRow SingleRejected(string row) =>
        Read(Header + "\n" + row + "\n").ShouldHaveSingleItem().ShouldBeOfType<ImportItem.Rejected>().Row;

    /// <summary>A data row in the real file's 22-column layout; only the columns a test names differ from a plain Kalibr strike.</summary>
    private static string Row(
        string start = "2025-03-14 19:30", string end = "2025-03-15 08:30", string model = "Kalibr", string launchPlace = "",
        string target = "Odesa oblast", string launched = "2.0", string destroyed = "1.0", string source = "kpszsu/posts/p1")
    {
        string[] fields = [start, end, model, launchPlace, target, "", launched, destroyed, "", "", "{}", "", "", "", "", "", "", "", "", "", "", source];
        return string.Join(',', fields.Select(Quote));
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
