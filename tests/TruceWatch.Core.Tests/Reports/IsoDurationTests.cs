using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using TruceWatch.Core.Reports;
using TruceWatch.Core.Tests.Support;

namespace TruceWatch.Core.Tests.Reports;

public sealed class IsoDurationTests
{
    [Theory]
    [InlineData("P30D", 0, 0, 30, 0, 0, 0)]
    [InlineData("PT30H", 0, 0, 0, 30, 0, 0)]
    [InlineData("P1M", 0, 1, 0, 0, 0, 0)]
    [InlineData("PT1M", 0, 0, 0, 0, 1, 0)]
    [InlineData("P2W", 0, 0, 14, 0, 0, 0)]
    [InlineData("P1Y", 1, 0, 0, 0, 0, 0)]
    [InlineData("P1Y2M3DT4H5M6S", 1, 2, 3, 4, 5, 6)]
    [InlineData("PT90S", 0, 0, 0, 0, 0, 90)]
    [InlineData(" p30d ", 0, 0, 30, 0, 0, 0)]
    public void Valid_durations_parse_into_their_parts(string text, int years, int months, int days, int hours, int minutes, int seconds)
    {
        IsoDuration.TryParse(text, out var duration).ShouldBeTrue();
        duration.ShouldBe(new IsoDuration(years, months, days, hours, minutes, seconds));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("30D")]
    [InlineData("P30")]
    [InlineData("PD")]
    [InlineData("PT5D")]
    [InlineData("P5H")]
    [InlineData("P1.5D")]
    [InlineData("P-1D")]
    [InlineData("P30X")]
    [InlineData("PT1HT1M")]
    [InlineData("thirty days")]
    public void Invalid_durations_are_rejected(string? text) => IsoDuration.TryParse(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("P30D", "2025-03-18T00:00:00+03:00", "2025-04-17T00:00:00+03:00")]
    [InlineData("PT30H", "2025-03-18T00:00:00+03:00", "2025-03-19T06:00:00+03:00")]
    [InlineData("P1M", "2025-03-18T00:00:00+03:00", "2025-04-18T00:00:00+03:00")]
    [InlineData("P1M", "2025-01-31T00:00:00+02:00", "2025-02-28T00:00:00+02:00")]
    [InlineData("P1M", "2024-01-31T00:00:00+02:00", "2024-02-29T00:00:00+02:00")]
    [InlineData("P1Y", "2024-02-29T12:00:00Z", "2025-02-28T12:00:00Z")]
    [InlineData("P1DT1H1M1S", "2025-03-18T00:00:00Z", "2025-03-19T01:01:01Z")]
    public void AddTo_adds_calendar_parts_first_and_keeps_the_offset(string text, string start, string expected)
    {
        IsoDuration.TryParse(text, out var duration).ShouldBeTrue();
        var end = duration.AddTo(Some.Instant(start));
        end.ShouldBe(Some.Instant(expected));
        end.Offset.ShouldBe(Some.Instant(start).Offset);
    }

    [Theory]
    [InlineData("P30D", "P30D")]
    [InlineData("PT30H", "PT30H")]
    [InlineData("P2W", "P14D")]
    [InlineData("P1Y2M3DT4H5M6S", "P1Y2M3DT4H5M6S")]
    public void ToString_writes_the_canonical_form(string text, string expected)
    {
        IsoDuration.TryParse(text, out var duration).ShouldBeTrue();
        duration.ToString().ShouldBe(expected);
    }

    [Fact]
    public void A_zero_duration_formats_as_text_that_parses_back()
    {
        IsoDuration.TryParse("P0D", out var zero).ShouldBeTrue();
        IsoDuration.TryParse(zero.ToString(), out var back).ShouldBeTrue($"'{zero}' does not parse back");
        back.ShouldBe(zero);
    }

    [Property(Arbitrary = [typeof(NonZeroDurations)])]
    public bool Parse_of_format_is_the_identity(IsoDuration duration) =>
        IsoDuration.TryParse(duration.ToString(), out var back) && back == duration;

    /// <summary>Durations with small non-negative parts, at least one of them non-zero.</summary>
    public static class NonZeroDurations
    {
        public static Arbitrary<IsoDuration> Durations()
        {
            var part = Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Choose(1, 99)), (1, Gen.Choose(100, 99_999)));
            var gen =
                from y in part
                from mo in part
                from d in part
                from h in part
                from mi in part
                from s in part
                select new IsoDuration(y, mo, d, h, mi, s);
            return Arb.From(gen.Where(x => x != default));
        }
    }
}
