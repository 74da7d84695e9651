using TruceWatch.Core.Agreements;
using TruceWatch.Core.Geography;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Obligations;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Obligations;

/// <summary>Positive duties judged on a day: exchanges by their stages, all-for-all by progress, the cease-fire line by occupied area.</summary>
public sealed class ObligationJudgeTests
{
    private static readonly Agreement Deal = Some.Agreement("""
        id: deal
        version: 1
        title: Exchange deal
        parties: [UA, RU]
        window: { start: 2025-05-08T00:00, end: 2025-05-11T00:00, zone: Europe/Moscow }
        obligations:
          - { id: thousand, kind: prisoner-exchange, terms: 1000-for-1000, ref: ist, by: 2025-06-01T00:00:00+03:00 }
          - { id: everyone, kind: prisoner-exchange, terms: all-for-all }
          - { id: line, kind: cease-fire-line, tolerance_km2: 10 }
          - { id: tell, kind: notify, within: PT24H }
        """);

    private static Exchange Stage(string date, int toUa, int toRu, string? reference = "ist") =>
        new(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), "exchange", reference, 1, toUa, toRu, "military", "test", null);

    private static ObligationAssessment Status(string id, IReadOnlyList<Exchange> exchanges, string today, IGeography? map = null) =>
        ObligationJudge.Assess(Deal, exchanges, map, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)).Single(o => o.ObligationId == id);

    [Fact]
    public void An_N_for_N_exchange_is_met_on_the_day_its_stages_reach_N_each_way()
    {
        Exchange[] stages = [Stage("2025-05-23", 390, 390), Stage("2025-05-24", 307, 307), Stage("2025-05-25", 303, 303)];

        Status("thousand", stages, "2025-05-24").Status.ShouldBe(ObligationStatus.Pending);
        var met = Status("thousand", stages, "2025-05-30");
        met.Status.ShouldBe(ObligationStatus.Met);
        met.Detail.ShouldBe("1000-for-1000 (ist): 1000 returned to UA and 1000 to RU in 3 stage(s) by 2025-05-25");
    }

    [Fact]
    public void An_N_for_N_exchange_short_of_N_after_its_date_is_missed()
    {
        var missed = Status("thousand", [Stage("2025-05-23", 390, 390)], "2025-06-02");

        missed.Status.ShouldBe(ObligationStatus.Missed);
        missed.Detail.ShouldContain("390 returned to UA and 390 to RU so far in 1 stage(s); due by 2025-05-31");
    }

    [Fact]
    public void All_for_all_shows_progress_inside_the_window_and_is_missed_only_when_nothing_happened_in_it()
    {
        Status("everyone", [Stage("2025-05-09", 50, 40, null)], "2025-05-20").Status.ShouldBe(ObligationStatus.Pending);
        Status("everyone", [Stage("2025-05-09", 50, 40, null)], "2025-05-20").Detail.ShouldContain("50 returned to UA and 40 to RU in 1 exchange(s) within the window");
        Status("everyone", [Stage("2025-04-01", 50, 40, null)], "2025-05-20").Status.ShouldBe(ObligationStatus.Missed);
    }

    [Theory]
    [InlineData(100.0, 105.0, ObligationStatus.Met)]
    [InlineData(100.0, 130.0, ObligationStatus.Missed)]
    [InlineData(100.0, 80.0, ObligationStatus.Missed)]
    public void The_cease_fire_line_holds_when_occupied_area_changes_within_the_tolerance(double before, double after, ObligationStatus expected)
    {
        var line = Status("line", [], "2025-06-01", new AreaMap(new DateOnly(2025, 5, 8), before, after));

        line.Status.ShouldBe(expected);
        line.Detail.ShouldContain("from 2025-05-08 to 2025-05-11");
    }

    [Fact]
    public void A_line_not_yet_in_force_is_pending_and_says_from_when()
    {
        var line = Status("line", [], "2025-05-01", new AreaMap(new DateOnly(2025, 5, 8), 100, 200));

        line.Status.ShouldBe(ObligationStatus.Pending);
        line.Detail.ShouldBe("not in force yet: the line is held from 2025-05-08");
    }

    [Fact]
    public void Without_snapshots_or_records_the_status_is_unknown_and_says_why()
    {
        Status("line", [], "2025-06-01").Status.ShouldBe(ObligationStatus.Unknown);
        var tell = Status("tell", [], "2025-06-01");
        tell.Status.ShouldBe(ObligationStatus.Unknown);
        tell.Detail.ShouldBe("no notify records are kept yet (due within PT24H)");
    }

    [Theory]
    [InlineData("- { id: a, kind: prisoner-exchange, terms: 1000-for-900 }", "terms '1000-for-900' are not all-for-all or N-for-N")]
    [InlineData("- { id: a, kind: parade }", "obligation kind 'parade' is not one of prisoner-exchange, notify, cease-fire-line")]
    [InlineData("- { id: a, kind: cease-fire-line, tolerance_km2: lots }", "tolerance_km2 'lots' is not a number")]
    public void A_bad_obligation_is_an_error_that_says_why(string obligation, string says)
    {
        var result = TermsParser.Parse($"""
            id: bad-obligation
            version: 1
            title: Bad
            parties: [UA, RU]
            obligations:
              {obligation}
            """);

        result.ShouldReport(says);
    }

    /// <summary>A map whose occupied area is <paramref name="before"/> until <paramref name="change"/> and <paramref name="after"/> from the next day.</summary>
    private sealed class AreaMap(DateOnly change, double before, double after) : IGeography
    {
        public string? RegionAt(GeoPoint point) => null;

        public Tri Occupied(GeoPoint point, DateOnly day) => Tri.Unknown;

        public double? DistanceKm(GeoPoint point, DistanceFrom from, DateOnly day) => null;

        public double? OccupiedAreaKm2(DateOnly day) => day <= change ? before : after;
    }
}
