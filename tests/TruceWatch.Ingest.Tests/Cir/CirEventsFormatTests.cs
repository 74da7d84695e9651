using TruceWatch.Core.Reports;
using TruceWatch.Ingest.Catalog;
using TruceWatch.Ingest.Cir;
using TruceWatch.Ingest.Formats;
using TruceWatch.Ingest.Gazetteer;
using Shouldly;
using Xunit;

namespace TruceWatch.Ingest.Tests.Cir;

/// <summary>The CIR Russia-Ukraine Monitor events of 2022, whole: strike layers become reports, the rest is quarantined with its layer.</summary>
public sealed class CirEventsFormatTests
{
    private static readonly Lazy<List<ImportItem>> Items = new(() =>
    {
        using var reader = new StreamReader(Repo.Data("cir-russia-ukraine-monitor-events", "events.csv"));
        return [.. new CirEventsFormat(WeaponCatalog.Bundled, OblastGazetteer.Bundled).Read(reader)];
    });

    private static Report Report(string entry) => Items.Value.OfType<ImportItem.Accepted>().Select(a => a.Record.Report).First(r => r.Key.SourceRecordId == entry);

    [Fact]
    public void Every_row_of_the_real_file_is_read_and_strike_layers_are_told_from_the_rest()
    {
        var items = Items.Value;

        items.Count.ShouldBe(6_650);
        items.OfType<ImportItem.Accepted>().Count().ShouldBe(4_333, "the damage, bombing, casualty and military-damage layers, less 2 undated rows");
        var reasons = items.OfType<ImportItem.Rejected>().Select(r => r.Row.Reason).ToList();
        reasons.ShouldContain(r => r.EndsWith("not a strike report: layer 'Russian Military Presence February 2022'", StringComparison.Ordinal));
        reasons.ShouldContain(r => r.EndsWith("date is empty", StringComparison.Ordinal));
        FormatRegistry.Default.Detect(File.ReadLines(Repo.Data("cir-russia-ukraine-monitor-events", "events.csv")).First()).ShouldBeOfType<CirEventsFormat>();
    }

    [Fact]
    public void A_missile_hitting_a_power_plant_keeps_its_point_region_and_target_and_no_perpetrator_is_assumed()
    {
        var r = Report("UW1275");

        r.Key.ShouldBe(new ReportKey("cir", "UW1275"));
        r.Perpetrator.ShouldBeNull("the map does not attribute events");
        r.Means!.Value.Value.ShouldBe("missile");
        r.Domain.ShouldBe(StrikeDomain.Air);
        r.Targets.Select(t => t.Value).ShouldBe(["energy"]);
        r.Place.Country.ShouldBe("UA");
        r.Place.Admin1.ShouldBe("UA-59");
        r.Place.Point.ShouldBe(new GeoPoint(50.31677, 34.876943));
        r.Time.Start.ShouldBe(new DateTimeOffset(2022, 3, 3, 0, 0, 0, TimeSpan.FromHours(2)));
        r.Time.Precision.ShouldBe(TimePrecision.Day);
    }

    [Fact]
    public void Strikes_deep_in_Russia_are_placed_in_their_federal_subject()
    {
        var codes = Items.Value.OfType<ImportItem.Accepted>().Select(a => a.Record.Report.Place)
            .Where(p => p.Country == "RU" && p.Admin1 is not null).Select(p => p.Admin1!).Distinct().Order(StringComparer.Ordinal).ToList();

        // Before the gazetteer held them, only the six border regions got a code; "Moscow Oblast", "Ryazan Oblast", "Tyumen" went without.
        string[] deep = ["RU-MOS", "RU-RYA", "RU-SMO", "RU-TYU", "RU-SVE"];
        deep.ShouldBeSubsetOf(codes);
        codes.ShouldAllBe(code => OblastGazetteer.Bundled.ByCode(code) != null);
    }
}
