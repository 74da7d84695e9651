using TruceWatch.Core.Agreements;
using TruceWatch.Core.Judgement;
using TruceWatch.Core.Logic;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Judgement;

/// <summary>The window is start-inclusive and end-exclusive, compared as instants; an imprecise time that straddles an edge is unknown.</summary>
public sealed class WindowTests
{
    // energy-moratorium-2025: [2025-03-18T00:00:00+03:00, 2025-04-17T00:00:00+03:00) = [2025-03-17T21:00Z, 2025-04-16T21:00Z).
    private static readonly Agreement Moratorium = Bundled.EnergyMoratorium;

    private static Verdict StrikeOnEnergy(IncidentBuilder when, Agreement? agreement = null)
    {
        Incidents.Incident incident = when.By("RU").Air().Means("drone.long-range").Hitting("energy.grid.substation");
        var terms = agreement ?? Moratorium;
        var verdict = Judge.Assess(incident, terms).Verdict;
        Judge.Decide(incident, terms).ShouldBe(verdict);
        return verdict;
    }

    [Theory]
    [InlineData("2025-03-18T00:00:00+03:00", Verdict.Violation)]
    [InlineData("2025-03-17T23:00:00+02:00", Verdict.Violation)]
    [InlineData("2025-03-17T21:00:00Z", Verdict.Violation)]
    [InlineData("2025-03-17T20:59:59Z", Verdict.OutsideWindow)]
    [InlineData("2025-03-17T23:59:59+03:00", Verdict.OutsideWindow)]
    [InlineData("2025-04-16T20:59:59Z", Verdict.Violation)]
    [InlineData("2025-04-16T23:59:59+03:00", Verdict.Violation)]
    [InlineData("2025-04-16T22:59:59+02:00", Verdict.Violation)]
    [InlineData("2025-04-16T21:00:00Z", Verdict.OutsideWindow)]
    [InlineData("2025-04-17T00:00:00+03:00", Verdict.OutsideWindow)]
    [InlineData("2025-04-16T23:00:00+02:00", Verdict.OutsideWindow)]
    public void The_start_is_inclusive_and_the_end_exclusive_whatever_offset_the_instant_is_written_in(string at, Verdict expected) =>
        StrikeOnEnergy(Some.Incident().At(at)).ShouldBe(expected);

    [Theory]
    [InlineData("2025-03-18T00:00+03:00", Verdict.Violation)]
    [InlineData("2025-03-17T23:59+03:00", Verdict.OutsideWindow)]
    [InlineData("2025-04-16T23:59+03:00", Verdict.Violation)]
    [InlineData("2025-04-17T00:00+03:00", Verdict.OutsideWindow)]
    public void A_minute_precise_time_covers_its_whole_minute(string at, Verdict expected) =>
        StrikeOnEnergy(Some.Incident().At(at)).ShouldBe(expected);

    [Fact]
    public void An_hour_precise_time_that_starts_before_the_window_straddles_its_start()
    {
        StrikeOnEnergy(Some.Incident().At("2025-03-17T20:30:00Z", TimePrecision.Hour)).ShouldBe(Verdict.Indeterminate);
        StrikeOnEnergy(Some.Incident().At("2025-03-17T20:00:00Z", TimePrecision.Hour)).ShouldBe(Verdict.OutsideWindow);
        StrikeOnEnergy(Some.Incident().At("2025-03-17T21:00:00Z", TimePrecision.Hour)).ShouldBe(Verdict.Violation);
    }

    [Fact]
    public void A_day_only_report_straddling_the_start_is_indeterminate_for_lack_of_time()
    {
        // 17 March in Kyiv is [2025-03-16T22:00Z, 2025-03-17T22:00Z): the moratorium began at 21:00Z, inside that day.
        Incidents.Incident incident = Some.Incident().OnDay("2025-03-17").By("RU").Air().Means("drone.long-range").Hitting("energy.grid.substation");
        var a = Judge.Assess(incident, Moratorium);

        a.Verdict.ShouldBe(Verdict.Indeterminate);
        a.Trace.Window.ShouldRead(Tri.Unknown, "time", "2025-03-17T00:00:00+02:00 (day)");
        a.Trace.MissingFacts.ShouldBe(["time"]);
        a.Trace.Reason.ShouldBe("indeterminate: time unknown");
    }

    [Theory]
    [InlineData("2025-03-16", Verdict.OutsideWindow)]
    [InlineData("2025-03-17", Verdict.Indeterminate)]
    [InlineData("2025-03-18", Verdict.Violation)]
    [InlineData("2025-04-01", Verdict.Violation)]
    [InlineData("2025-04-16", Verdict.Violation)]
    [InlineData("2025-04-17", Verdict.OutsideWindow)]
    public void A_day_only_report_is_decided_when_the_whole_Kyiv_day_is_on_one_side_of_each_edge(string day, Verdict expected) =>
        StrikeOnEnergy(Some.Incident().OnDay(day)).ShouldBe(expected);

    [Theory]
    [InlineData("2025-04-16T20:00:00Z", "2025-04-16T22:00:00Z", Verdict.Indeterminate)]
    [InlineData("2025-03-17T20:00:00Z", "2025-03-17T22:00:00Z", Verdict.Indeterminate)]
    [InlineData("2025-03-17T20:00:00Z", "2025-04-16T22:00:00Z", Verdict.Indeterminate)]
    [InlineData("2025-03-20T01:00:00+02:00", "2025-03-20T05:00:00+02:00", Verdict.Violation)]
    [InlineData("2025-04-16T21:00:00Z", "2025-04-17T03:00:00Z", Verdict.OutsideWindow)]
    [InlineData("2025-03-17T18:00:00Z", "2025-03-17T20:59:59Z", Verdict.OutsideWindow)]
    public void A_reported_interval_across_an_edge_is_indeterminate_and_one_on_one_side_is_decided(string start, string end, Verdict expected) =>
        StrikeOnEnergy(Some.Incident().Between(start, end)).ShouldBe(expected);

    [Fact]
    public void A_minute_precise_interval_ending_in_the_last_minute_of_the_window_is_inside()
    {
        StrikeOnEnergy(Some.Incident().Between("2025-04-16T20:00Z", "2025-04-16T20:59Z", TimePrecision.Minute)).ShouldBe(Verdict.Violation);
        StrikeOnEnergy(Some.Incident().Between("2025-04-16T20:00Z", "2025-04-16T21:00Z", TimePrecision.Minute)).ShouldBe(Verdict.Indeterminate);
    }

    [Theory]
    [InlineData("duration: P30D", "2025-01-31T00:00:00+02:00")]
    [InlineData("duration: PT30H", "2025-01-02T06:00:00+02:00")]
    [InlineData("duration: P1M", "2025-02-01T00:00:00+02:00")]
    [InlineData("duration: P2W", "2025-01-15T00:00:00+02:00")]
    [InlineData("end: 2025-01-10T12:00:00+03:00", "2025-01-10T09:00:00Z")]
    [InlineData("end: 2025-01-10T09:00+00:00", "2025-01-10T09:00:00Z")]
    public void A_window_given_by_duration_or_end_closes_at_that_instant(string close, string expectedEnd)
    {
        var terms = Some.Terms(
            $"window: {{ start: 2025-01-01T00:00:00+02:00, {close} }}",
            """
            - id: energy
              prohibits: { target: [energy] }
            """);
        var end = Some.Instant(expectedEnd);

        terms.Windows.ShouldHaveSingleItem().Start.ShouldBe(Some.Instant("2025-01-01T00:00:00+02:00"));
        terms.Windows[0].End.ShouldBe(end);
        StrikeOnEnergy(Some.Incident().At(Format(end - TimeSpan.FromSeconds(1))), terms).ShouldBe(Verdict.Violation);
        StrikeOnEnergy(Some.Incident().At(Format(end)), terms).ShouldBe(Verdict.OutsideWindow);
        StrikeOnEnergy(Some.Incident().At("2024-12-31T23:59:59+02:00"), terms).ShouldBe(Verdict.OutsideWindow);
        StrikeOnEnergy(Some.Incident().At("2024-12-31T22:00:00Z"), terms).ShouldBe(Verdict.Violation);
    }

    [Fact]
    public void A_window_with_only_a_start_never_closes()
    {
        var terms = Some.Terms(
            "window: { start: 2025-01-01T00:00:00+02:00 }",
            """
            - id: energy
              prohibits: { target: [energy] }
            """);

        terms.Windows.ShouldHaveSingleItem().End.ShouldBeNull();
        StrikeOnEnergy(Some.Incident().At("2099-12-31T23:59:59Z"), terms).ShouldBe(Verdict.Violation);
        StrikeOnEnergy(Some.Incident().At("2024-12-31T21:59:59Z"), terms).ShouldBe(Verdict.OutsideWindow);
        var a = Judge.Assess(Some.Incident().At("2025-06-01T00:00:00Z").By("UA").Hitting("energy"), terms);
        a.Trace.Window.Expected.ShouldBe("[2025-01-01T00:00:00+02:00, open)");
    }

    [Fact]
    public void Terms_without_a_window_always_apply_even_when_the_time_is_unknown()
    {
        var terms = Some.Terms("", """
            - id: energy
              prohibits: { target: [energy] }
            """);

        terms.Windows.ShouldBeEmpty();
        var a = Judge.Assess(Some.Incident().AtUnknownTime().By("UA").Hitting("energy.gas.storage"), terms);
        a.Verdict.ShouldBe(Verdict.Violation);
        a.Trace.Window.ShouldRead(Tri.True, "time", null);
        a.Trace.Window.Expected.ShouldBe("always");
        StrikeOnEnergy(Some.Incident().At("1999-01-01T00:00:00Z"), terms).ShouldBe(Verdict.Violation);
    }

    // Kyiv leaves summer time at 04:00 on 26 October 2025, so the Kyiv day of 26 October runs until 2025-10-26T22:00Z.
    // A window that opens at 23:30 Kyiv time that evening (21:30Z) opens inside that day: a strike reported only by that
    // date may have happened after the window opened, so the window condition is unknown, not false.
    [Fact]
    public void A_day_only_report_on_the_25_hour_day_straddles_a_window_opening_late_that_evening()
    {
        var terms = Some.Terms(
            "window: { start: 2025-10-26T23:30:00+02:00, duration: P30D }",
            """
            - id: energy
              prohibits: { target: [energy] }
            """);

        StrikeOnEnergy(Some.Incident().OnDay("2025-10-26"), terms).ShouldBe(Verdict.Indeterminate);
    }

    private static string Format(DateTimeOffset value) => IsoTime.Format(value);
}
