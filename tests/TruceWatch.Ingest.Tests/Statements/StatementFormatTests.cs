using Shouldly;
using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Gazetteer;
using TruceWatch.Ingest.Statements;
using TruceWatch.Testing;
using Xunit;

namespace TruceWatch.Ingest.Tests.Statements;

public sealed class StatementFormatTests
{
    public static TheoryData<string, string, int> RealFiles => new()
    {
        { "ru-mod-statements", Repo.Data("russia-mod-statements", "mod_russia_clean.csv"), 5887 },
        { "ua-airforce-statements", Repo.Data("ua-airforce-statements", "statements_uk.csv"), 285 },
    };

    [Theory]
    [MemberData(nameof(RealFiles))]
    public void Every_real_post_becomes_reports_or_a_quarantined_row_and_record_ids_are_unique(string format, string path, int posts)
    {
        var reader = FormatRegistry.Default.ByName(format).ShouldNotBeNull();
        using var file = File.OpenText(path);
        FormatRegistry.Default.Detect(File.ReadLines(path).First()).ShouldBe(reader);
        var items = reader.Read(file, TestContext.Current.CancellationToken).ToList();

        items.Select(i => i.Line).Distinct().Count().ShouldBe(posts);
        var reports = items.OfType<ImportItem.Accepted>().Select(a => a.Record.Report).ToList();
        reports.Count.ShouldBeGreaterThan(posts / 10);
        reports.Select(r => r.Key).Distinct().Count().ShouldBe(reports.Count);
        reports.ShouldAllBe(r => r.Time.IsKnown && r.Perpetrator != null && r.Weapon != null);
        items.OfType<ImportItem.Rejected>().ShouldAllBe(r => r.Row.Reason.StartsWith($"line {r.Row.Line}: ", StringComparison.Ordinal));
    }

    [Fact]
    public void A_Ministry_post_gives_one_report_per_region_with_the_region_code_and_the_channel_as_source()
    {
        const string csv = "date,datetime,drone_count,oblasts,text_snippet\n"
            + "2025-10-01,2025-10-01 14:50,12,bryansk,\"🎖🎖🎖🎖 С 13.00 мск до 17.00 мск дежурными средствами ПВО **уничтожены 12 украинских беспилотных летательных аппаратов самолетного типа**:  ▫️ **семь** – над территорией **Брянской области**, ▫️ **четыре** – над территорией **Курской области**,** **▫️ **один** – над территорией **Белгородской области**.\"\n"
            + "2025-01-06,2025-01-06 10:26,0,unknown,\"Беспилотные инновации на передовой\"\n";
        var items = new RussianModStatementsFormat(WeaponCatalog.Bundled, OblastGazetteer.Bundled)
            .Read(new StringReader(csv), TestContext.Current.CancellationToken).ToList();

        var reports = items.OfType<ImportItem.Accepted>().Select(a => a.Record.Report).ToList();
        reports.Select(r => (r.Place.Admin1, r.Counts.Intercepted)).ShouldBe([("RU-BRY", 7), ("RU-KRS", 4), ("RU-BEL", 1)]);
        reports[0].Key.ShouldBe(new ReportKey("ru-mod-telegram", "2025-10-01 14:50|Fixed-wing UAV|RU-BRY"));
        reports[0].Perpetrator?.Value.ShouldBe("UA");
        reports[0].Means?.Value.ShouldBe("drone.long-range");
        reports[0].Time.Start.ShouldBe(new DateTimeOffset(2025, 10, 1, 13, 0, 0, TimeSpan.FromHours(3)));
        reports[0].Time.End.ShouldBe(new DateTimeOffset(2025, 10, 1, 17, 0, 0, TimeSpan.FromHours(3)));
        items.OfType<ImportItem.Rejected>().ShouldBeEmpty("a post about something else is no bad input");
        var skipped = items.OfType<ImportItem.Skipped>().ShouldHaveSingleItem();
        (skipped.Line, skipped.Reason).ShouldBe((3L, "posts are not strike or interception reports"));
    }

    [Fact]
    public void The_real_Ministry_posts_place_their_per_region_counts_deep_in_Russia_by_code_and_keep_the_rest_verbatim()
    {
        var path = Repo.Data("russia-mod-statements", "mod_russia_clean.csv");
        using var file = File.OpenText(path);
        var reports = new RussianModStatementsFormat(WeaponCatalog.Bundled, OblastGazetteer.Bundled)
            .Read(file, TestContext.Current.CancellationToken).OfType<ImportItem.Accepted>().Select(a => a.Record.Report).ToList();

        var coded = reports.Where(r => r.Place.Admin1 is not null).GroupBy(r => r.Place.Admin1!).ToDictionary(g => g.Key, g => g.Count());
        string[] deep = ["RU-ORL", "RU-KLU", "RU-TUL", "RU-SMO", "RU-RYA", "RU-MOS", "RU-LIP", "RU-VGG", "RU-SAR", "RU-TVE", "RU-LEN", "RU-TA"];
        deep.ShouldBeSubsetOf(coded.Keys);
        coded.Keys.ShouldAllBe(code => OblastGazetteer.Bundled.ByCode(code) != null);

        // A region named without a code is kept as the post wrote it (in the nominative), flagged by having no admin1: none of them is a
        // name the gazetteer could have resolved.
        var named = reports.Where(r => r.Place is { Admin1: null, Precision: PlacePrecision.Country, Name: not null } && !r.Place.Name.Contains(';'))
            .Select(r => r.Place.Name!).Distinct().Order(StringComparer.Ordinal).ToList();
        named.ShouldContain("Московский регион");
        named.ShouldAllBe(name => OblastGazetteer.Bundled.Resolve(name) == null);
        named.ShouldBe(["Московский регион"]);
    }

    [Fact]
    public void An_Air_Force_post_gives_one_report_per_weapon_and_an_as_of_time_reaches_back_a_day()
    {
        const string csv = "telegram_msg_id,posted_at,source_file,text_uk\n"
            + "1540,2023-12-25 08:15:09,raw/txt/x.txt,\"25.12.2023\n(07.00)\n\nЗНИЩЕНО:\n- 28 ударних БПЛА \"\"Shahed-136/131\"\"\n- 1 керовану авіаційну ракету Х-59\n- винищувач Су-30 СМ\n\nПовітряні Сили\"\n"
            + "bad,yesterday,x,\"ЗНИЩЕНО: - 2 КР\"\n";
        var items = new UkrainianAirForceStatementsFormat(WeaponCatalog.Bundled, OblastGazetteer.Bundled)
            .Read(new StringReader(csv), TestContext.Current.CancellationToken).ToList();

        var reports = items.OfType<ImportItem.Accepted>().Select(a => a.Record.Report).ToList();
        reports.Select(r => (r.Weapon, r.Means?.Value, r.Counts.Intercepted)).ShouldBe([("Shahed-136", "drone.long-range", 28), ("Kh-59", "missile.cruise", 1)]);
        reports[0].Perpetrator?.Value.ShouldBe("RU");
        reports[0].Key.ShouldBe(new ReportKey("ua-airforce-telegram", "1540|Shahed-136|all"));
        reports[0].Time.End.ShouldBe(new DateTimeOffset(2023, 12, 25, 7, 0, 0, TimeSpan.FromHours(2)));
        reports[0].Time.Start.ShouldBe(new DateTimeOffset(2023, 12, 24, 7, 0, 0, TimeSpan.FromHours(2)));
        reports[0].Place.Country.ShouldBe("UA");
        items.OfType<ImportItem.Rejected>().Single().Row.Reason.ShouldStartWith("line 11: posted_at 'yesterday' is not a time");
    }
}
