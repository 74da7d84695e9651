using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Acled;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Gazetteer;
using Shouldly;
using Xunit;

namespace TruceWatch.Ingest.Tests.Acled;

/// <summary>ACLED exports (codebook columns) become canonical reports; events that are not remote strikes, and bad rows, are quarantined.</summary>
public sealed class AcledFormatTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Acled", "acled-ukraine-sample.csv");
    private static readonly AcledFormat Format = new(WeaponCatalog.Bundled, OblastGazetteer.Bundled);

    private static List<ImportItem> ReadSample()
    {
        using var reader = new StreamReader(Sample);
        return [.. Format.Read(reader, TestContext.Current.CancellationToken)];
    }

    private static Report Accepted(string id) =>
        ReadSample().OfType<ImportItem.Accepted>().Select(a => a.Record.Report).Single(r => r.Key.SourceRecordId == id);

    [Fact]
    public void The_registry_recognises_an_ACLED_header()
    {
        var header = File.ReadLines(Sample).First();
        FormatRegistry.Default.Detect(header).ShouldBeOfType<AcledFormat>();
    }

    [Fact]
    public void Strikes_become_reports_and_the_rest_is_quarantined_with_the_reason()
    {
        var items = ReadSample();

        items.Count.ShouldBe(11);
        items.OfType<ImportItem.Accepted>().Select(a => a.Record.Report.Key.SourceRecordId)
            .ShouldBe(["UKR212001", "UKR212002", "UKR212003", "UKR212005", "UKR212007", "UKR212009", "UKR212010", "UKR212011"]);
        var rejected = items.OfType<ImportItem.Rejected>().Select(r => r.Row).ToList();
        rejected.Select(r => r.Line).ShouldBe([5L, 7L, 9L]);
        rejected[0].Reason.ShouldBe("line 5: not a remote strike: event_type 'Battles' (Armed clash); only 'Explosions/Remote violence' events are reports");
        rejected[1].Reason.ShouldContain("event_date '2025-02-30' is not a date");
        rejected[2].Reason.ShouldContain("event_type 'Strategic developments' (Agreement)");
    }

    [Fact]
    public void A_drone_strike_on_a_thermal_power_plant_keeps_its_place_time_and_harm()
    {
        var r = Accepted("UKR212001");

        r.Key.ShouldBe(new ReportKey("acled", "UKR212001"));
        r.Perpetrator!.Value.Value.ShouldBe("RU");
        r.Domain.ShouldBe(StrikeDomain.Air);
        r.Means!.Value.Value.ShouldBe("drone.long-range");
        r.Targets.Select(t => t.Value).ShouldBe(["energy.generation.thermal"]);
        r.Place.ShouldBe(new Place("UA", "UA-63", "Kharkiv", new GeoPoint(49.9935, 36.2304), PlacePrecision.Settlement));
        r.Time.Precision.ShouldBe(TimePrecision.Day);
        r.Time.Start.ShouldBe(new DateTimeOffset(2025, 3, 20, 0, 0, 0, TimeSpan.FromHours(2)));
        r.Harm.Killed.ShouldBe(0, "ACLED's 0 is a reported zero, not an unknown");
        r.Description!.ShouldContain("thermal power plant");
    }

    [Theory]
    [InlineData("UKR212002", "missile.ballistic", "Iskander-M", "air", "civilian.transport.port")]
    [InlineData("UKR212003", "drone", null, "air", "energy.oil.refinery")]
    [InlineData("UKR212005", "bomb.guided", null, "air", "civilian.residential")]
    [InlineData("UKR212007", null, null, "land", null)]
    [InlineData("UKR212009", null, null, "air", null)]
    [InlineData("UKR212010", "artillery.rocket", null, "land", "energy.grid.substation;civilian.education;civilian.residential")]
    public void Sub_type_and_notes_give_domain_means_weapon_and_targets_and_nothing_is_guessed(string id, string? means, string? weapon, string domain, string? targets)
    {
        var r = Accepted(id);

        r.Means?.Value.ShouldBe(means);
        r.Weapon.ShouldBe(weapon);
        r.Domain!.Value.ToText().ShouldBe(domain);
        string.Join(';', r.Targets.Select(t => t.Value)).ShouldBe(targets ?? "");
    }

    [Fact]
    public void A_strike_inside_Russia_by_Ukraine_is_placed_in_its_Russian_region()
    {
        var r = Accepted("UKR212003");

        r.Perpetrator!.Value.Value.ShouldBe("UA");
        r.Place.Country.ShouldBe("RU");
        r.Place.Admin1.ShouldBe("RU-KDA");
    }

    [Fact]
    public void ACLEDs_bare_Kyiv_is_the_oblast_not_the_city()
    {
        var r = Accepted("UKR212011");

        r.Place.Admin1.ShouldBe("UA-32", "ACLED's admin1 'Kyiv' is Kyiv oblast; the city is 'Kyiv City'");
        r.Targets.Select(t => t.Value).ShouldBe(["energy.grid.substation"]);
    }

    [Fact]
    public void Week_precision_spans_three_days_either_side_and_region_precision_says_only_the_region()
    {
        var r = Accepted("UKR212005");

        r.Time.Earliest.ShouldBe(new DateTimeOffset(2025, 3, 21, 0, 0, 0, TimeSpan.FromHours(2)));
        r.Time.Latest!.Value.ShouldBeGreaterThan(new DateTimeOffset(2025, 3, 27, 23, 0, 0, TimeSpan.FromHours(2)));
        r.Place.Precision.ShouldBe(PlacePrecision.Admin1);
        r.Place.Admin1.ShouldBe("UA-14");
    }

    [Fact]
    public void A_header_without_the_codebooks_key_columns_rejects_the_file_at_line_1()
    {
        var items = Format.Read(new StringReader("event_id_cnty,sub_event_type,notes\nX1,Air/drone strike,n\n"), TestContext.Current.CancellationToken).ToList();

        var row = items.ShouldHaveSingleItem().ShouldBeOfType<ImportItem.Rejected>().Row;
        row.Line.ShouldBe(1);
        row.Reason.ShouldContain("lacks column(s) event_date, event_type, actor1, country");
    }
}
