using TruceWatch.Core.Reports;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Reports;

public sealed class IsoTimeTests
{
    [Theory]
    [InlineData("2025-03-18", "2025-03-18T00:00:00+02:00")]
    [InlineData("2025-07-01", "2025-07-01T00:00:00+03:00")]
    [InlineData(" 2025-03-30 ", "2025-03-30T00:00:00+02:00")]
    [InlineData("2025-03-31", "2025-03-31T00:00:00+03:00")]
    public void A_date_alone_is_the_whole_day_starting_at_midnight_Kyiv_time(string text, string expectedStart)
    {
        IsoTime.TryParse(text, IsoTime.Kyiv, out var value, out var precision, out var error).ShouldBeTrue(error);
        precision.ShouldBe(TimePrecision.Day);
        value.ShouldBe(Some.Instant(expectedStart));
        value.Offset.ShouldBe(Some.Instant(expectedStart).Offset);
    }

    [Fact]
    public void A_date_alone_starts_the_day_in_the_zone_it_is_read_in()
    {
        IsoTime.TryParse("2025-03-18", TimeZoneInfo.Utc, out var value, out var precision, out _).ShouldBeTrue();
        value.ShouldBe(Some.Instant("2025-03-18T00:00:00Z"));
        precision.ShouldBe(TimePrecision.Day);
    }

    [Theory]
    [InlineData("2025-03-18T03:15+02:00", "2025-03-18T01:15:00Z", TimePrecision.Minute)]
    [InlineData("2025-03-18T03:15:20+02:00", "2025-03-18T01:15:20Z", TimePrecision.Second)]
    [InlineData("2025-03-18T03:15:20.250+02:00", "2025-03-18T01:15:20.25Z", TimePrecision.Second)]
    [InlineData("2025-03-18 03:15:20+03:00", "2025-03-18T00:15:20Z", TimePrecision.Second)]
    [InlineData("2025-03-18 03:15-05:00", "2025-03-18T08:15:00Z", TimePrecision.Minute)]
    [InlineData("2025-03-18T00:00:00+00:00", "2025-03-18T00:00:00Z", TimePrecision.Second)]
    public void A_time_with_an_offset_keeps_its_instant_offset_and_precision(string text, string expected, TimePrecision expectedPrecision)
    {
        IsoTime.TryParse(text, IsoTime.Kyiv, out var value, out var precision, out var error).ShouldBeTrue(error);
        value.ShouldBe(Some.Instant(expected));
        precision.ShouldBe(expectedPrecision);
        error.ShouldBeNull();
    }

    [Theory]
    [InlineData("2025-03-18T03:15:20Z", "2025-03-18T03:15:20Z", TimePrecision.Second)]
    [InlineData("2025-03-18T03:15Z", "2025-03-18T03:15:00Z", TimePrecision.Minute)]
    [InlineData("2025-03-18T03:15:20z", "2025-03-18T03:15:20Z", TimePrecision.Second)]
    public void A_time_in_Z_is_UTC(string text, string expected, TimePrecision expectedPrecision)
    {
        var parsed = IsoTime.TryParse(text, IsoTime.Kyiv, out var value, out var precision, out var error);
        parsed.ShouldBeTrue(error);
        value.ShouldBe(Some.Instant(expected));
        value.Offset.ShouldBe(TimeSpan.Zero);
        precision.ShouldBe(expectedPrecision);
    }

    [Theory]
    [InlineData("2025-03-18T03:15:20")]
    [InlineData("2025-03-18T03:15")]
    [InlineData("2025-03-18 03:15:20")]
    public void A_time_without_an_offset_is_rejected_with_advice_to_add_one(string text)
    {
        IsoTime.TryParse(text, IsoTime.Kyiv, out _, out var precision, out var error).ShouldBeFalse();
        precision.ShouldBe(TimePrecision.Unknown);
        error.ShouldNotBeNull();
        error.ShouldContain("no UTC offset");
        error.ShouldContain($"{text}+02:00");
        error.ShouldContain($"{text}Z");
    }

    [Theory]
    [InlineData("", "empty time")]
    [InlineData("   ", "empty time")]
    [InlineData("2025-13-01", "is not a date")]
    [InlineData("2025-02-30", "is not a date")]
    [InlineData("18.03.2025", "is not a date")]
    [InlineData("2025-03-18T25:00+02:00", "is not an ISO 8601 time")]
    [InlineData("2025-03-18T03:15:20+2:00x", "")]
    [InlineData("yesterday night", "")]
    public void Malformed_times_are_rejected_with_a_reason(string text, string reasonPart)
    {
        IsoTime.TryParse(text, IsoTime.Kyiv, out _, out _, out var error).ShouldBeFalse();
        error.ShouldNotBeNullOrWhiteSpace();
        error.ShouldContain(reasonPart);
    }

    [Fact]
    public void Format_writes_the_instant_to_the_second_with_its_offset() =>
        IsoTime.Format(Some.Instant("2025-03-18T03:15:20.9+02:00")).ShouldBe("2025-03-18T03:15:20+02:00");

    [Theory]
    [InlineData("2025-01-15T12:00:00", "2025-01-15T12:00:00+02:00")]
    [InlineData("2025-07-15T12:00:00", "2025-07-15T12:00:00+03:00")]
    public void InZone_reads_wall_clock_time_in_Kyiv_with_the_offset_in_force(string local, string expected)
    {
        var value = IsoTime.InZone(DateTime.Parse(local, System.Globalization.CultureInfo.InvariantCulture), IsoTime.Kyiv);
        value.ShouldBe(Some.Instant(expected));
        value.Offset.ShouldBe(Some.Instant(expected).Offset);
    }
}
