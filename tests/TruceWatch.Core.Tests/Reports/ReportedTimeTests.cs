using TruceWatch.Core.Reports;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Reports;

public sealed class ReportedTimeTests
{
    private static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    [Theory]
    [InlineData(TimePrecision.Second, 0)]
    [InlineData(TimePrecision.Minute, 60)]
    [InlineData(TimePrecision.Hour, 3600)]
    [InlineData(TimePrecision.Day, 86400)]
    public void Latest_widens_a_single_value_by_its_precision(TimePrecision precision, int widenedBySeconds)
    {
        var start = Some.Instant("2025-03-20T00:00:00+02:00");
        var time = new ReportedTime(start, null, precision);
        time.IsKnown.ShouldBeTrue();
        time.Earliest.ShouldBe(start);
        time.Latest.ShouldBe(widenedBySeconds == 0 ? start : start + TimeSpan.FromSeconds(widenedBySeconds) - Tick);
    }

    [Fact]
    public void Latest_of_an_interval_widens_its_end()
    {
        var time = new ReportedTime(Some.Instant("2025-03-20T01:00+02:00"), Some.Instant("2025-03-20T04:30+02:00"), TimePrecision.Minute);
        time.Earliest.ShouldBe(Some.Instant("2025-03-20T01:00+02:00"));
        time.Latest.ShouldBe(Some.Instant("2025-03-20T04:31+02:00") - Tick);
    }

    [Fact]
    public void Latest_of_a_second_precision_interval_is_its_end()
    {
        var time = new ReportedTime(Some.Instant("2025-03-20T01:00:00Z"), Some.Instant("2025-03-20T04:30:00Z"), TimePrecision.Second);
        time.Latest.ShouldBe(Some.Instant("2025-03-20T04:30:00Z"));
    }

    [Fact]
    public void Unknown_time_has_no_bounds()
    {
        var time = ReportedTime.Unknown;
        time.IsKnown.ShouldBeFalse();
        time.Start.ShouldBeNull();
        time.Earliest.ShouldBeNull();
        time.Latest.ShouldBeNull();
        time.Precision.ShouldBe(TimePrecision.Unknown);
    }

    [Fact]
    public void An_end_before_the_start_is_refused() =>
        Should.Throw<ArgumentException>(() => new ReportedTime(Some.Instant("2025-03-20T04:00Z"), Some.Instant("2025-03-20T03:00Z"), TimePrecision.Minute));

    [Fact]
    public void A_known_time_without_a_precision_is_refused() =>
        Should.Throw<ArgumentException>(() => new ReportedTime(Some.Instant("2025-03-20T04:00Z"), null, TimePrecision.Unknown));

    [Theory]
    [InlineData("day", TimePrecision.Day)]
    [InlineData(" Hour ", TimePrecision.Hour)]
    [InlineData("minute", TimePrecision.Minute)]
    [InlineData("SECOND", TimePrecision.Second)]
    [InlineData("week", TimePrecision.Unknown)]
    [InlineData(null, TimePrecision.Unknown)]
    public void Precision_names_parse(string? text, TimePrecision expected)
    {
        TimePrecisions.Parse(text).ShouldBe(expected);
        if (expected != TimePrecision.Unknown)
        {
            TimePrecisions.Parse(expected.ToText()).ShouldBe(expected);
        }
    }

    // Kyiv leaves summer time on 26 October 2025 at 04:00: that day runs from 00:00+03:00 to 24:00+02:00, 25 hours long.
    // A day-only report covers "that whole day" (ReportedTime.Latest's own doc), so its latest instant is 2025-10-26T22:00Z - 1 tick.
    [Fact]
    public void A_day_only_report_on_the_day_summer_time_ends_covers_all_25_hours_of_that_Kyiv_day()
    {
        IsoTime.TryParse("2025-10-26", IsoTime.Kyiv, out var start, out var precision, out _).ShouldBeTrue();
        var time = new ReportedTime(start, null, precision);
        time.Earliest.ShouldBe(Some.Instant("2025-10-25T21:00:00Z"));
        time.Latest.ShouldBe(Some.Instant("2025-10-26T22:00:00Z") - Tick);
    }

    // Kyiv enters summer time on 30 March 2025 at 03:00: that day is 23 hours long and ends at 2025-03-30T21:00Z.
    [Fact]
    public void A_day_only_report_on_the_day_summer_time_starts_covers_only_the_23_hours_of_that_Kyiv_day()
    {
        IsoTime.TryParse("2025-03-30", IsoTime.Kyiv, out var start, out var precision, out _).ShouldBeTrue();
        var time = new ReportedTime(start, null, precision);
        time.Earliest.ShouldBe(Some.Instant("2025-03-29T22:00:00Z"));
        time.Latest.ShouldBe(Some.Instant("2025-03-30T21:00:00Z") - Tick);
    }
}
