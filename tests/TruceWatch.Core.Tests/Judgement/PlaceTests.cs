using TruceWatch.Core.Agreements;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>Place conditions in the terms (where: country, admin1, beyond_km, occupied): judged with a map, unknown without what they need.</summary>
public sealed class PlaceTests
{
    private static readonly Agreement LongRange = Some.Terms("", """
          - id: long-range
            binds: all
            where: { beyond_km: { from: front-line, distance: 30 }, occupied: exclude }
            prohibits: { domain: [air], target: [energy] }
        """);

    private static readonly Agreement Kharkiv = Some.Terms("", """
          - id: kharkiv
            binds: all
            prohibits: { target: [energy], where: { country: [UA], admin1: [UA-63] } }
        """);

    private static readonly GeoPoint Somewhere = new(49.99, 36.23);

    private static IncidentBuilder StrikeOnGrid(Place place) =>
        Some.Incident().By("RU").At("2025-03-20T03:00:00+02:00").Air().Means("missile.cruise").Hitting("energy.grid").At(place);

    private static Place Point(PlacePrecision precision) => new("UA", "UA-63", "Kharkiv", Somewhere, precision);

    [Theory]
    [InlineData(50.0, PlacePrecision.Point, "violation")]
    [InlineData(31.5, PlacePrecision.Point, "violation")]
    [InlineData(30.5, PlacePrecision.Point, "indeterminate")]
    [InlineData(25.0, PlacePrecision.Point, "out-of-scope")]
    [InlineData(50.0, PlacePrecision.Settlement, "violation")]
    [InlineData(35.0, PlacePrecision.Settlement, "indeterminate")]
    [InlineData(15.0, PlacePrecision.Settlement, "out-of-scope")]
    [InlineData(50.0, PlacePrecision.Admin1, "indeterminate")]
    public void A_strike_counts_as_long_range_only_when_its_distance_clears_the_threshold_by_its_precision(double km, PlacePrecision precision, string verdict)
    {
        var map = new FixedMap("UA-63", Tri.False, km);
        var incident = StrikeOnGrid(Point(precision)).Build();

        var assessment = Judge.Assess(incident, LongRange, map);

        assessment.Verdict.ToText().ShouldBe(verdict);
        Judge.Decide(incident, LongRange, map).ShouldBe(assessment.Verdict);
        if (verdict == "indeterminate")
        {
            assessment.Trace.MissingFacts.ShouldBe(["location"]);
        }
    }

    [Fact]
    public void Occupied_territory_excluded_takes_a_strike_there_out_of_scope_and_the_trace_says_why()
    {
        var incident = StrikeOnGrid(Point(PlacePrecision.Point)).Build();

        var assessment = Judge.Assess(incident, LongRange, new FixedMap("UA-14", Tri.True, 80));

        assessment.Verdict.ShouldBe(Verdict.OutOfScope);
        var occupied = assessment.Trace.Clauses[0].Conditions.Single(c => c.Condition == "where.occupied");
        occupied.Value.ShouldBe(Tri.False);
        occupied.FactValue!.ShouldContain("occupied on 2025-03-20");
    }

    [Fact]
    public void Without_a_map_a_distance_cannot_be_known_and_the_verdict_is_indeterminate()
    {
        var incident = StrikeOnGrid(Point(PlacePrecision.Point)).Build();

        Judge.Assess(incident, LongRange).Verdict.ShouldBe(Verdict.Indeterminate);
        Judge.Decide(incident, LongRange).ShouldBe(Verdict.Indeterminate);
    }

    [Theory]
    [InlineData("UA", "UA-63", null, "violation")]
    [InlineData("UA", "UA-14", null, "out-of-scope")]
    [InlineData("RU", "RU-BEL", null, "out-of-scope")]
    [InlineData(null, null, null, "indeterminate")]
    [InlineData(null, null, "UA-63", "violation")]
    public void Regions_come_from_the_report_or_failing_that_from_its_point_on_the_map(string? country, string? admin1, string? mapRegion, string verdict)
    {
        var place = new Place(country, admin1, null, mapRegion is null ? null : Somewhere, mapRegion is null ? PlacePrecision.Unknown : PlacePrecision.Settlement);
        var incident = StrikeOnGrid(place).Build();
        var map = new FixedMap(mapRegion, Tri.False, 100);

        Judge.Assess(incident, Kharkiv, map).Verdict.ToText().ShouldBe(verdict);
        Judge.Decide(incident, Kharkiv, map).ToText().ShouldBe(verdict);
    }

    [Fact]
    public void Every_mistake_in_a_where_is_reported_at_once_with_its_position()
    {
        var result = TermsParser.Parse("""
            id: bad-where
            version: 1
            title: Bad where
            parties: [UA, RU]
            clauses:
              - id: c1
                binds: all
                where: { country: [Ukraine], admin1: [Kharkiv], beyond_km: { from: trenches }, occupied: maybe, sea: { black: sea }, far: yes }
                prohibits: { target: [energy] }
            """);

        result.IsValid.ShouldBeFalse();
        var messages = result.Diagnostics.Select(d => d.ToString()).ToList();
        messages.ShouldContain(m => m.Contains("country 'Ukraine' is not a two-letter code", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("admin1 'Kharkiv' is not an ISO 3166-2 code", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("beyond_km from 'trenches' is not one of front-line, border", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("beyond_km needs distance", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("occupied 'maybe' is not one of include, exclude, only", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("sea must name one or more seas", StringComparison.Ordinal));
        messages.ShouldContain(m => m.Contains("unknown key 'far' in where", StringComparison.Ordinal));
        result.Diagnostics.ShouldAllBe(d => d.Line == 8);
    }

    [Fact]
    public void Region_names_resolve_through_the_resolver_given_to_the_parser()
    {
        var yaml = """
            id: named
            version: 1
            title: Named regions
            parties: [UA, RU]
            clauses:
              - id: c1
                binds: all
                prohibits: { target: [energy], where: { admin1: [Харківська область, UA-14] } }
            """;

        var result = TermsParser.Parse(yaml, name => name == "Харківська область" ? "UA-63" : null);

        result.IsValid.ShouldBeTrue(string.Join("; ", result.Diagnostics));
        result.Agreement!.Clauses[0].Prohibits.Where!.Admin1.ShouldBe(["UA-63", "UA-14"]);
    }

    [Fact]
    public void Regions_outside_the_countries_named_are_a_warning_that_the_condition_can_never_hold()
    {
        var result = TermsParser.Parse("""
            id: contradictory
            version: 1
            title: Contradictory
            parties: [UA, RU]
            clauses:
              - id: c1
                binds: all
                where: { country: [RU], admin1: [UA-63, UA-14] }
                prohibits: { target: [energy] }
            """);

        result.IsValid.ShouldBeTrue();
        result.Diagnostics.ShouldHaveSingleItem().Message.ShouldStartWith("none of admin1 [UA-63, UA-14] lies in country [RU], so this can never hold");
    }

    /// <summary>A map with one answer for every point: the judge's input, not a stand-in for the real map (tested in Ingest).</summary>
    private sealed class FixedMap(string? region, Tri occupied, double? km) : IGeography
    {
        public string? RegionAt(GeoPoint point) => region;

        public Tri Occupied(GeoPoint point, DateOnly day) => occupied;

        public double? DistanceKm(GeoPoint point, DistanceFrom from, DateOnly day) => km;

        public double? OccupiedAreaKm2(DateOnly day) => null;
    }
}
