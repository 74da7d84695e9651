using TruceWatch.Core.Geography;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Terms;

/// <summary>
/// <c>where: { sea: [...] }</c> and <c>where: { corridor: [...] }</c> with the agreement's <c>corridors</c>: what they read, the warnings
/// drafters get for names the map or the file does not define (with line, column and a suggestion), and the errors for malformed outlines.
/// </summary>
public sealed class SeaTermsTests
{
    private const string Header = """
        id: sea-terms
        version: 1
        title: Sea terms
        parties: [UA, RU]
        """;

    private const string Corridor = """
        corridors:
          - name: western-corridor
            note: along the western shore
            polygon: [[30.4, 46.5], [31.2, 46.5], [30.6, 45.0], [29.6, 45.0]]
        """;

    private static TermsResult Parse(string body) => TermsParser.Parse(Header + "\n" + body);

    private static string Clause(string where) => $"""
        clauses:
          - id: c1
            binds: all
            where: {where}
            prohibits: {"{"} domain: [air, sea] {"}"}
        """;

    [Fact]
    public void Seas_and_corridors_are_read_into_the_place_rule()
    {
        var result = Parse(Corridor + "\n" + Clause("{ sea: [black-sea, Sea-Of-Azov], corridor: [western-corridor] }"));

        result.Diagnostics.ShouldBeEmpty(string.Join("\n", result.Diagnostics));
        var agreement = result.Agreement.ShouldNotBeNull();
        var where = agreement.Clauses[0].Prohibits.Where.ShouldNotBeNull();
        where.Seas.ShouldBe([Seas.BlackSea, Seas.SeaOfAzov]);
        var corridor = where.Corridors.ShouldNotBeNull().ShouldHaveSingleItem();
        corridor.Name.ShouldBe("western-corridor");
        corridor.Ring.ShouldBe([new GeoPoint(46.5, 30.4), new GeoPoint(46.5, 31.2), new GeoPoint(45.0, 30.6), new GeoPoint(45.0, 29.6)]);
        agreement.Corridors.ShouldBe([corridor]);
        where.NeedsMap.ShouldBeTrue();
    }

    [Fact]
    public void A_ring_closed_as_in_GeoJSON_is_read_without_its_repeated_point()
    {
        var result = Parse("""
            corridors:
              - { name: closed, polygon: [[30, 46], [31, 46], [31, 45], [30, 46]] }
            """ + "\n" + Clause("{ corridor: [closed] }"));

        result.Agreement.ShouldNotBeNull().Corridors[0].Ring.Count.ShouldBe(3);
    }

    public static TheoryData<string, int, int, string> Warnings() => new()
    {
        // An unknown sea name: a warning at the name, with the nearest known one.
        { Clause("{ sea: [black-sae] }"), 8, 20, "sea 'black-sae' is not one the map draws, so it can never be shown to hold there (unknown at best); did you mean black-sea? known seas: black-sea, sea-of-azov" },
        { Clause("{ sea: [caspian] }"), 8, 20, "sea 'caspian' is not one the map draws" },
        // An undefined corridor: a warning at the name, with the nearest defined one, or how to define it.
        { Corridor + "\n" + Clause("{ corridor: [western-coridor] }"), 12, 25, "corridor 'western-coridor' is not defined under corridors, so it can never be shown to hold (unknown at best); did you mean western-corridor? defined: western-corridor" },
        { Clause("{ corridor: [grain-corridor] }"), 8, 25, "define it: corridors: [{ name: grain-corridor, polygon: [[lon, lat], …] }]" },
    };

    [Theory]
    [MemberData(nameof(Warnings))]
    public void A_name_the_map_or_the_file_does_not_define_is_a_warning_with_its_place_and_a_suggestion(string body, int line, int column, string says)
    {
        var result = Parse(body);

        result.Agreement.ShouldNotBeNull("a warning does not stop the terms loading");
        var warning = result.Diagnostics.Where(d => !d.Message.Contains("no where names it", StringComparison.Ordinal)).ShouldHaveSingleItem(string.Join("\n", result.Diagnostics));
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldContain(says, Case.Sensitive);
        (warning.Line, warning.Column).ShouldBe((line, column), warning.ToString());
    }

    [Fact]
    public void A_corridor_whose_edges_cross_is_a_warning_at_the_first_crossing_edge()
    {
        // A bow tie: the edge from (30, 46) to (31, 45) crosses the one from (31, 46) to (30, 45).
        var result = Parse("""
            corridors:
              - name: bow-tie
                polygon: [[30, 46], [31, 45], [31, 46], [30, 45]]
            """ + "\n" + Clause("{ corridor: [bow-tie] }"));

        result.Agreement.ShouldNotBeNull();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldContain("the polygon's edge from point 1 crosses its edge from point 3");
        (warning.Line, warning.Column).ShouldBe((7, 15));
    }

    [Fact]
    public void A_corridor_no_where_names_is_a_warning_at_its_name()
    {
        var result = Parse(Corridor + "\n" + Clause("{ sea: [black-sea] }"));

        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Warning);
        warning.Message.ShouldContain("corridor 'western-corridor' is defined but no where names it");
        (warning.Line, warning.Column).ShouldBe((6, 11));
    }

    public static TheoryData<string, int, int, string> Errors() => new()
    {
        { "corridors:\n  - { name: Grain Corridor, polygon: [[30, 46], [31, 46], [31, 45]] }", 6, 13, "corridor name 'Grain Corridor' must be lower-case words joined by dashes" },
        { "corridors:\n  - { name: c, polygon: [[30, 46], [31, 46]] }", 6, 25, "polygon needs at least three distinct points" },
        { "corridors:\n  - { name: c, polygon: [[30, 46], [31, 46], [46.5, 100]] }", 6, 46, "longitude runs −180…180, latitude −90…90 (are the two swapped? GeoJSON order is longitude first)" },
        { "corridors:\n  - { name: c, polygon: [[30, 46], [31, 46], [31, east]] }", 6, 46, "each polygon point must be a [lon, lat] pair of numbers" },
        { "corridors:\n  - { name: c }", 6, 5, "corridor needs a polygon" },
        { "corridors:\n  - { name: c, polygon: [[30, 46], [31, 46], [31, 45]] }\n  - { name: c, polygon: [[30, 46], [31, 46], [31, 45]] }", 7, 13, "corridor name 'c' is used twice" },
        { "corridors:\n  - { name: black-sea, polygon: [[30, 46], [31, 46], [31, 45]] }", 6, 13, "(it is the name of a sea)" },
        { "corridors:\n  - { name: c, polygon: [[30, 46], [31, 46], [31, 45]], width: 3 }", 6, 57, "unknown key 'width' in corridor" },
    };

    [Theory]
    [MemberData(nameof(Errors))]
    public void A_malformed_corridor_is_an_error_at_its_place(string corridors, int line, int column, string says)
    {
        var result = Parse(corridors + "\n" + Clause("{ corridor: [c] }"));

        result.Agreement.ShouldBeNull();
        var error = result.Diagnostics.Where(d => d.Severity == Severity.Error).ShouldHaveSingleItem(string.Join("\n", result.Diagnostics));
        error.Message.ShouldContain(says, Case.Sensitive);
        (error.Line, error.Column).ShouldBe((line, column), error.ToString());
    }

    [Fact]
    public void Without_a_map_a_sea_or_corridor_condition_is_unknown_never_false()
    {
        var terms = Some.Agreement(Header + "\n" + Corridor + "\n" + Clause("{ sea: [black-sea], corridor: [western-corridor] }"));
        var incident = Some.Incident().By("RU").At("2025-04-01T03:00+03:00").Air().Hitting("civilian.transport.vessel");

        Judge.Decide(incident, terms).ShouldBe(Verdict.Indeterminate);
        Judge.Assess(incident, terms).Trace.MissingFacts.ShouldBe(["location"]);
    }

    [Fact]
    public void A_map_that_draws_no_seas_answers_unknown()
    {
        IGeography map = new NoSeas();

        map.InSea(new GeoPoint(43, 34), 1, [Seas.BlackSea]).ShouldBe(Tri.Unknown);
        map.Beyond(new GeoPoint(43, 34), DistanceFrom.Border, new DateOnly(2025, 4, 1), 30, 1).ShouldBe(Tri.True, "the default measures through DistanceKm");
        map.Beyond(new GeoPoint(43, 34), DistanceFrom.FrontLine, new DateOnly(2025, 4, 1), 30, 1).ShouldBe(Tri.Unknown, "no front line that day");
    }

    private sealed class NoSeas : IGeography
    {
        public string? RegionAt(GeoPoint point) => null;

        public Tri Occupied(GeoPoint point, DateOnly day) => Tri.Unknown;

        public double? DistanceKm(GeoPoint point, DistanceFrom from, DateOnly day) => from == DistanceFrom.Border ? 100 : null;

        public double? OccupiedAreaKm2(DateOnly day) => null;
    }
}
