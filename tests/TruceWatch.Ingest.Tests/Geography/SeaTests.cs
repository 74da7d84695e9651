using System.Globalization;
using Shouldly;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Incidents;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Parties;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Taxonomy;
using TruceWatch.Ingest.Geography;
using TruceWatch.Ingest.Terms;
using Xunit;

namespace TruceWatch.Ingest.Tests.Geography;

/// <summary>
/// The seas on the bundled map, on real places: inside, outside, on the coast (unknown), the Kerch Strait and its limit, and names the
/// map does not draw; corridors the terms draw; and the bundled Black Sea arrangement judged with them.
/// </summary>
public sealed class SeaTests
{
    private static readonly MapGeography Map = MapGeography.Load(Repo.Data("front-line-deepstate"));
    private const double Point = 1;
    private const double Settlement = 11;

    [Theory]
    [InlineData(43.0, 34.0, Point, "black-sea", Tri.True)] // the middle of the Black Sea
    [InlineData(43.0, 34.0, Point, "sea-of-azov", Tri.False)]
    [InlineData(46.0, 36.5, Point, "sea-of-azov", Tri.True)] // the middle of the Sea of Azov
    [InlineData(46.0, 36.5, Point, "black-sea", Tri.False)]
    [InlineData(47.0, 38.5, Point, "sea-of-azov", Tri.True)] // Taganrog Bay
    [InlineData(45.25, 36.55, Point, "sea-of-azov", Tri.True)] // the Kerch Strait belongs to the Sea of Azov
    [InlineData(45.25, 36.55, Point, "black-sea", Tri.False)]
    [InlineData(45.112, 36.5415, Point, "black-sea", Tri.Unknown)] // half a kilometre south of the Takil–Panagia limit
    [InlineData(45.112, 36.5415, Point, "sea-of-azov", Tri.Unknown)]
    [InlineData(45.112, 36.5415, Point, "black-sea,sea-of-azov", Tri.True)] // together they are one water: the limit is no edge
    [InlineData(50.45, 30.52, Settlement, "black-sea,sea-of-azov", Tri.False)] // Kyiv
    [InlineData(40.9, 39.7, Settlement, "black-sea", Tri.False)] // inland of Trabzon
    [InlineData(40.8, 28.5, Point, "black-sea", Tri.False)] // the Sea of Marmara, beyond the Bosphorus limit
    [InlineData(45.35, 28.84, Point, "black-sea", Tri.False)] // Izmail, on the Danube
    [InlineData(46.47, 30.77, Point, "black-sea", Tri.Unknown)] // the Odesa waterfront: on the coast
    [InlineData(47.09, 37.55, Point, "sea-of-azov", Tri.Unknown)] // the Mariupol waterfront
    [InlineData(46.9, 37.3, Point, "sea-of-azov", Tri.True)] // off Mariupol, a point
    [InlineData(46.9, 37.3, Settlement, "sea-of-azov", Tri.Unknown)] // the same, placed only to ±11 km: it may be ashore
    [InlineData(44.62, 33.45, Point, "black-sea", Tri.True)] // off Sevastopol
    [InlineData(44.62, 33.45, Settlement, "black-sea", Tri.Unknown)]
    [InlineData(43.2, 28.3, Settlement, "black-sea", Tri.True)] // off Varna, far enough out for a settlement's uncertainty
    [InlineData(43.0, 34.0, Point, "caspian-sea", Tri.Unknown)] // a sea the map does not draw: never false
    [InlineData(43.0, 34.0, Point, "black-sea,caspian-sea", Tri.True)] // in a sea it does draw: true whatever the other
    [InlineData(50.45, 30.52, Point, "black-sea,caspian-sea", Tri.Unknown)]
    public void A_point_is_in_a_sea_outside_it_or_too_near_the_coast_to_tell(double lat, double lon, double radius, string seas, Tri expected) =>
        Map.InSea(new GeoPoint(lat, lon), radius, seas.Split(',')).ShouldBe(expected);

    [Fact]
    public void The_seas_are_one_piece_each_of_about_the_known_size()
    {
        var black = Map.SeaGeometry[Seas.BlackSea];
        var azov = Map.SeaGeometry[Seas.SeaOfAzov];

        black.NumGeometries.ShouldBe(1);
        azov.NumGeometries.ShouldBe(1);
        black.Area.ShouldBeInRange(360_000, 400_000, "436,400 km² on the sphere, about 10 % less on the km plane at these latitudes");
        azov.Area.ShouldBeInRange(34_000, 39_000, "39,000 km² with the Sivash, which Natural Earth draws as land");
        black.Intersects(azov).ShouldBeTrue("they meet at the Kerch limit");
        black.Intersection(azov).Area.ShouldBe(0, 1e-6, "and do not overlap");
    }

    private static readonly Corridor Western = new("western-corridor",
        [new GeoPoint(46.5, 30.4), new GeoPoint(46.5, 31.2), new GeoPoint(45.0, 30.6), new GeoPoint(43.5, 29.9), new GeoPoint(41.6, 29.6), new GeoPoint(41.6, 28.9), new GeoPoint(43.5, 29.2), new GeoPoint(45.0, 29.6)]);

    [Theory]
    [InlineData(46.1, 30.9, Point, Tri.True)] // inside, off Odesa
    [InlineData(43.0, 29.5, Settlement, Tri.True)] // inside, off Varna, far from both edges
    [InlineData(44.0, 34.0, Point, Tri.False)] // the open sea, outside
    [InlineData(46.1, 31.04, Point, Tri.Unknown)] // within a kilometre of the eastern edge
    [InlineData(46.1, 31.04, Settlement, Tri.Unknown)]
    [InlineData(46.1, 31.15, Point, Tri.False)] // 8 km outside the eastern edge
    [InlineData(46.1, 31.15, Settlement, Tri.Unknown)] // which a settlement's uncertainty reaches
    public void A_point_is_inside_a_corridor_outside_it_or_on_its_edge(double lat, double lon, double radius, Tri expected) =>
        Map.InCorridor(new GeoPoint(lat, lon), radius, Western).ShouldBe(expected);

    [Fact]
    public void A_corridor_the_file_never_defined_is_unknown_everywhere() =>
        Map.InCorridor(new GeoPoint(46.1, 30.9), Point, new Corridor("undefined", [])).ShouldBe(Tri.Unknown);

    [Theory]
    [InlineData("RU", "sea", "military", "44.0,34.0", "point", "violation")] // a naval strike on a warship at sea
    [InlineData("UA", "sea", "military", "44.62,33.45", "point", "violation")] // off Sevastopol
    [InlineData("UA", "sea", "military", "44.62,33.45", "settlement", "indeterminate")] // placed at the settlement: maybe ashore
    [InlineData("UA", "sea", "military", "", "", "indeterminate")] // no place at all
    [InlineData("UA", "sea", "military", "46.0,36.5", "point", "out-of-scope")] // the Sea of Azov is not named in the statements
    [InlineData("RU", "air", "civilian.transport.vessel", "43.0,34.0", "point", "violation")] // a cargo ship at sea
    [InlineData("RU", "air", "civilian.transport.vessel", "45.35,28.84", "point", "violation")] // a cargo ship at Izmail, on the Danube: anywhere
    [InlineData("RU", "air", "military", "43.0,34.0", "point", "violation")] // a missile on a warship at sea
    [InlineData("RU", "air", "unknown", "43.0,34.0", "point", "indeterminate")] // at sea, target not known
    [InlineData("RU", "air", "energy.grid", "50.45,30.52", "settlement", "out-of-scope")] // a substation in Kyiv
    [InlineData("UA", "air", "energy.oil.refinery", "44.1,39.08", "point", "out-of-scope")] // the Tuapse refinery, on the coast: no ship
    [InlineData("RU", "air", "civilian.transport.port", "46.49,30.74", "point", "violation")] // the port of Odesa
    public void The_bundled_Black_Sea_arrangement_judges_strikes_by_where_they_were(string by, string domain, string target, string latLon, string precision, string verdict)
    {
        var terms = AgreementLibrary.ParseFile(Path.Combine(Repo.Agreements, "black-sea-navigation-2025.yaml")).Agreement.ShouldNotBeNull();
        var place = latLon.Length == 0 ? Place.Unknown : new Place(null, null, null,
            new GeoPoint(double.Parse(latLon.Split(',')[0], CultureInfo.InvariantCulture), double.Parse(latLon.Split(',')[1], CultureInfo.InvariantCulture)),
            precision == "point" ? PlacePrecision.Point : PlacePrecision.Settlement);
        var incident = Incident.FromReport(new IncidentId(1), new Report
        {
            Key = new ReportKey("test", "1"),
            Time = new ReportedTime(new DateTimeOffset(2025, 4, 2, 3, 0, 0, TimeSpan.FromHours(3)), null, TimePrecision.Minute),
            Perpetrator = PartyCode.Parse(by),
            Domain = domain == "sea" ? StrikeDomain.Sea : StrikeDomain.Air,
            Targets = [TaxonomyPath.Parse(target)],
            Place = place,
        });

        var assessment = Judge.Assess(incident, terms, Map);

        assessment.Verdict.ToText().ShouldBe(verdict, assessment.Trace.Reason);
        Judge.Decide(incident, terms, Map).ToText().ShouldBe(verdict);
    }
}
