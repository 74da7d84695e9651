using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Terms;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>
/// Windows read on a zone's wall clock, and reports judged by the whole span their precision allows: wholly inside is judged, wholly
/// outside is outside the window, and a span across an edge is indeterminate for want of the exact time — never a violation.
/// </summary>
public sealed class TimePrecisionTests
{
    private const string AllHostilities = """
          - id: no-hostilities
            binds: [RU]
            prohibits: { domain: [air, sea, land] }
        """;

    /// <summary>Russia's Easter truce and Victory Day ceasefire of 2025, as the Kremlin announced them: Moscow time.</summary>
    private static readonly Agreement Holidays = Some.Terms("""
        window:
          - { name: Easter truce, start: 2025-04-19T18:00, end: 2025-04-21T00:00, zone: Europe/Moscow }
          - { name: Victory Day ceasefire, start: 2025-05-08T00:00, end: 2025-05-11T00:00, zone: Europe/Moscow }
        """, AllHostilities);

    private static IncidentBuilder ByRussia() => Some.Incident().By("RU").Air().Means("drone.long-range");

    [Theory]
    [InlineData("day 2025-04-18", Verdict.OutsideWindow)]
    [InlineData("day 2025-04-19", Verdict.Indeterminate)] // the Kyiv day runs 00:00–24:00 (+03:00); the truce began at 18:00
    [InlineData("day 2025-04-20", Verdict.Violation)]
    [InlineData("day 2025-04-21", Verdict.OutsideWindow)] // begins exactly when the truce ended (end exclusive)
    [InlineData("hour 2025-04-19T17:00+03:00", Verdict.OutsideWindow)] // 17:00–17:59:59
    [InlineData("hour 2025-04-19T17:30+03:00", Verdict.Indeterminate)] // 17:30–18:29:59
    [InlineData("hour 2025-04-19T18:00+03:00", Verdict.Violation)]
    [InlineData("span 2025-04-20T22:00+03:00/2025-04-21T02:00+03:00", Verdict.Indeterminate)] // "overnight", across the end
    [InlineData("span 2025-04-20T01:00+03:00/2025-04-20T05:00+03:00", Verdict.Violation)]
    [InlineData("day 2025-05-07", Verdict.OutsideWindow)]
    [InlineData("day 2025-05-08", Verdict.Violation)] // Moscow and Kyiv share +03:00 in May: the day is wholly inside
    [InlineData("day 2025-05-10", Verdict.Violation)]
    [InlineData("day 2025-05-11", Verdict.OutsideWindow)]
    [InlineData("unknown", Verdict.Indeterminate)]
    public void A_report_is_judged_only_when_its_whole_possible_span_lies_on_one_side_of_every_edge(string time, Verdict expected)
    {
        var incident = ByRussia().WithTime(Time(time)).Build();

        var a = Judge.Assess(incident, Holidays);

        a.Verdict.ShouldBe(expected, a.Trace.Reason);
        Judge.Decide(incident, Holidays).ShouldBe(expected);
        if (expected == Verdict.Indeterminate)
        {
            a.Trace.MissingFacts.ShouldBe(["time"]);
            a.Trace.Reason.ShouldBe("indeterminate: time unknown");
        }
    }

    [Fact]
    public void Local_start_and_end_take_the_offset_in_force_on_their_own_day_not_the_starts()
    {
        // Kyiv moved from +02:00 to +03:00 on 30 March 2025, between the two.
        var terms = Some.Terms("window: { start: 2025-03-18T00:00, end: 2025-04-17T00:00, zone: Europe/Kyiv }", AllHostilities);

        var window = terms.Windows.ShouldHaveSingleItem();
        window.Start.ShouldBe(Some.Instant("2025-03-18T00:00:00+02:00"));
        window.End.ShouldBe(Some.Instant("2025-04-17T00:00:00+03:00"));
        Judge.Decide(ByRussia().At("2025-04-16T23:30:00+03:00"), terms).ShouldBe(Verdict.Violation);
        Judge.Decide(ByRussia().At("2025-04-16T23:30:00+02:00"), terms).ShouldBe(Verdict.OutsideWindow); // 00:30 Kyiv time on the 17th
    }

    [Fact]
    public void An_end_written_with_its_own_offset_keeps_it_whatever_the_zone()
    {
        var terms = Some.Terms("window: { start: 2025-03-18T00:00, end: 2025-04-17T00:00:00+02:00, zone: Europe/Kyiv }", AllHostilities);

        terms.Windows.ShouldHaveSingleItem().End.ShouldBe(Some.Instant("2025-04-17T00:00:00+02:00"));
    }

    [Theory]
    [InlineData("2025-03-18T11:59:00+02:00", Verdict.OutsideWindow)]
    [InlineData("2025-03-18T12:00:00+02:00", Verdict.Violation)]
    [InlineData("2031-01-01T00:00:00+02:00", Verdict.Violation)]
    public void A_window_with_only_a_start_is_open_towards_the_future(string at, Verdict expected)
    {
        var terms = Some.Terms("window: { start: 2025-03-18T12:00, zone: Europe/Kyiv }", AllHostilities);

        terms.Windows.ShouldHaveSingleItem().End.ShouldBeNull();
        Judge.Decide(ByRussia().At(at), terms).ShouldBe(expected);
    }

    [Fact]
    public void A_report_known_only_to_the_day_an_open_ended_window_opens_is_indeterminate()
    {
        var terms = Some.Terms("window: { start: 2025-03-18T12:00, zone: Europe/Kyiv }", AllHostilities);

        var a = Judge.Assess(ByRussia().OnDay("2025-03-18"), terms);

        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Trace.MissingFacts.ShouldBe(["time"]);
    }

    [Fact]
    public void A_local_time_the_clocks_pass_twice_is_read_as_the_second_and_lint_says_so()
    {
        var result = TermsParser.Parse("""
            id: ambiguous
            version: 1
            title: Ambiguous
            parties: [UA, RU]
            window: { start: 2025-10-26T03:30, duration: P1D, zone: Europe/Kyiv }
            clauses:
              - { id: all, binds: all, prohibits: { domain: [air] } }
            """);

        result.IsValid.ShouldBeTrue();
        result.Agreement!.Windows.ShouldHaveSingleItem().Start.ShouldBe(Some.Instant("2025-10-26T03:30:00+02:00"));
        var warning = result.Diagnostics.ShouldHaveSingleItem();
        (warning.Severity, warning.Line, warning.Column).ShouldBe((Severity.Warning, 5, 18));
        warning.Message.ShouldStartWith("start '2025-10-26T03:30' happens twice in Europe/Kyiv (the clocks go back); it is read as 2025-10-26T03:30:00+02:00");
    }

    /// <summary>"day 2025-04-19", "hour 2025-04-19T17:00+03:00", "span A/B" (to the minute) or "unknown".</summary>
    private static ReportedTime Time(string text)
    {
        var (kind, value) = text.IndexOf(' ', StringComparison.Ordinal) is var space and > 0 ? (text[..space], text[(space + 1)..]) : (text, "");
        return kind switch
        {
            "day" => new ReportedTime(IsoTime.StartOfDay(DateOnly.Parse(value, System.Globalization.CultureInfo.InvariantCulture), IsoTime.Kyiv), null, TimePrecision.Day),
            "hour" => new ReportedTime(Some.Instant(value), null, TimePrecision.Hour),
            "span" => new ReportedTime(Some.Instant(value.Split('/')[0]), Some.Instant(value.Split('/')[1]), TimePrecision.Minute),
            _ => ReportedTime.Unknown,
        };
    }
}
