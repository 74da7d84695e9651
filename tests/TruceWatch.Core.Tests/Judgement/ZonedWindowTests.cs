using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>Windows written in a named time zone, open on one side, and several windows to one agreement.</summary>
public sealed class ZonedWindowTests
{
    private const string Clause = """
          - id: no-hostilities
            binds: [RU]
            prohibits: { domain: [air, sea, land] }
        """;

    private static readonly Agreement Holidays = Some.Terms("""
        window:
          - { name: Easter truce, start: 2025-04-19T18:00, end: 2025-04-21T00:00, zone: Europe/Moscow }
          - { name: Victory Day ceasefire, start: 2025-05-08T00:00, end: 2025-05-11T00:00, zone: Europe/Moscow }
        """, Clause);

    private static IncidentBuilder Strike(string at) => Some.Incident().By("RU").At(at).Air().Means("drone.long-range");

    [Theory]
    [InlineData("2025-04-19T17:30:00+02:00", Verdict.Violation)] // 18:30 in Moscow: inside
    [InlineData("2025-04-19T16:59:00+02:00", Verdict.OutsideWindow)] // 17:59 in Moscow: before
    [InlineData("2025-04-20T23:59:00+03:00", Verdict.Violation)]
    [InlineData("2025-04-21T00:00:00+03:00", Verdict.OutsideWindow)] // the end is exclusive
    [InlineData("2025-05-01T03:00:00+03:00", Verdict.OutsideWindow)] // between the two
    [InlineData("2025-05-09T03:00:00+03:00", Verdict.Violation)] // in the second window
    [InlineData("2025-05-11T00:30:00+03:00", Verdict.OutsideWindow)]
    public void An_incident_counts_when_it_falls_in_any_window_read_in_its_zone(string at, Verdict expected)
    {
        Judge.Decide(Strike(at), Holidays).ShouldBe(expected);
        Judge.Assess(Strike(at), Holidays).Verdict.ShouldBe(expected);
    }

    [Fact]
    public void Local_times_take_the_zones_offset_then_and_the_trace_names_each_window()
    {
        Holidays.Windows.Select(w => w.Start).ShouldBe([Some.Instant("2025-04-19T18:00:00+03:00"), Some.Instant("2025-05-08T00:00:00+03:00")]);
        Holidays.Windows[0].Name.ShouldBe("Easter truce");

        Judge.Assess(Strike("2025-04-20T03:00:00+03:00"), Holidays).Trace.Window.Expected
            .ShouldBe("Easter truce [2025-04-19T18:00:00+03:00, 2025-04-21T00:00:00+03:00) Europe/Moscow or Victory Day ceasefire [2025-05-08T00:00:00+03:00, 2025-05-11T00:00:00+03:00) Europe/Moscow");
    }

    [Fact]
    public void A_report_known_only_to_the_day_the_window_opens_is_indeterminate_for_want_of_the_time()
    {
        var a = Judge.Assess(Some.Incident().By("RU").OnDay("2025-04-19").Air().Means("drone.long-range"), Holidays);

        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Trace.Window.Value.ShouldBe(Tri.Unknown);
        a.Trace.MissingFacts.ShouldBe(["time"]);
    }

    [Fact]
    public void A_day_long_window_in_Kyiv_time_across_the_spring_clock_change_lasts_23_hours()
    {
        var terms = Some.Terms("window: { start: 2025-03-30, duration: P1D, zone: Europe/Kyiv }", Clause);

        var window = terms.Windows.ShouldHaveSingleItem();
        window.Start.ShouldBe(Some.Instant("2025-03-30T00:00:00+02:00"));
        window.End.ShouldBe(Some.Instant("2025-03-31T00:00:00+03:00"));
        (window.End - window.Start).ShouldBe(TimeSpan.FromHours(23));
    }

    [Theory]
    [InlineData("2024-12-31T23:00:00+02:00", Verdict.Violation)]
    [InlineData("2025-01-01T00:00:00+02:00", Verdict.OutsideWindow)]
    public void A_window_with_only_an_end_is_open_towards_the_past(string at, Verdict expected)
    {
        var terms = Some.Terms("window: { end: 2025-01-01T00:00:00+02:00 }", Clause);

        terms.Windows.ShouldHaveSingleItem().Start.ShouldBeNull();
        Judge.Decide(Strike(at), terms).ShouldBe(expected);
    }

    [Theory]
    [InlineData("window: { start: 2025-04-19T18:00, zone: Europe/Atlantis }", "zone 'Europe/Atlantis' is not a time zone")]
    [InlineData("window: { start: 2025-04-19T18:00 }", "must be an ISO 8601 time with offset (e.g. 2025-03-18T00:00:00+02:00), or give the window a zone")]
    [InlineData("window: { start: 2025-03-30T03:30, zone: Europe/Kyiv }", "does not exist in Europe/Kyiv (the clocks skip it)")]
    [InlineData("window: []", "window is an empty list")]
    [InlineData("window: { start: 2025-04-19T18:00+03:00, finish: 2025-04-20T00:00+03:00 }", "unknown key 'finish' in window")]
    public void A_window_that_cannot_be_read_is_an_error_that_says_why(string window, string says)
    {
        var result = TermsParser.Parse($"""
            id: bad-window
            version: 1
            title: Bad window
            parties: [UA, RU]
            {window}
            clauses:
            {Clause}
            """);

        result.IsValid.ShouldBeFalse();
        result.ShouldReport(says);
    }

    [Fact]
    public void Overlapping_windows_are_a_warning_that_names_both()
    {
        var result = TermsParser.Parse("""
            id: overlapping
            version: 1
            title: Overlapping
            parties: [UA, RU]
            window:
              - { start: 2025-04-19T18:00, end: 2025-04-21T00:00, zone: Europe/Moscow }
              - { start: 2025-04-20T00:00, end: 2025-04-22T00:00, zone: Europe/Moscow }
            clauses:
              - id: no-hostilities
                binds: [RU]
                prohibits: { domain: [air, sea, land] }
            """);

        result.IsValid.ShouldBeTrue();
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        warning.Severity.ShouldBe(Severity.Warning);
        (warning.Line, warning.Column).ShouldBe((7, 5));
        warning.Message.ShouldStartWith("window 2 overlaps window 1 ([2025-04-19T18:00:00+03:00, 2025-04-21T00:00:00+03:00) Europe/Moscow)");
    }
}
