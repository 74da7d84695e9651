using System.Globalization;
using Shouldly;
using TruceWatch.Ingest.Statements;
using Xunit;

namespace TruceWatch.Ingest.Tests.Statements;

public sealed class TimeWindowsTests
{
    [Theory]
    // Dates in words, genitive, across midnight (MSK is UTC+3 all year)
    [InlineData("С 20.00 мск 10 апреля до 07.00 мск 11 апреля дежурными средствами ПВО", "2025-04-11 04:30", "2025-04-10T20:00:00+03:00", "2025-04-11T07:00:00+03:00")]
    [InlineData("В течение прошедшей ночи с 23.00 мск 12 сентября до 06.00 мск 13 сентября", "2025-09-13 04:19", "2025-09-12T23:00:00+03:00", "2025-09-13T06:00:00+03:00")]
    // Bare times take the post's day; a start after the end began the day before
    [InlineData("С 16.00 мск до 18.00 мск дежурными средствами ПВО", "2026-02-10 16:37", "2026-02-10T16:00:00+03:00", "2026-02-10T18:00:00+03:00")]
    [InlineData("С 23.00 до 7.00 мск дежурными средствами ПВО", "2025-03-01 04:30", "2025-02-28T23:00:00+03:00", "2025-03-01T07:00:00+03:00")]
    [InlineData("В период с 11:00 мск до 15:00 мск", "2025-10-30 12:27", "2025-10-30T11:00:00+03:00", "2025-10-30T15:00:00+03:00")]
    // A date before the range, and the year of a post early in January for a December night
    [InlineData("15 декабря в период с 23.00 до 23.50 мск пресечена попытка", "2023-12-15 21:30", "2023-12-15T23:00:00+03:00", "2023-12-15T23:50:00+03:00")]
    [InlineData("С 22.00 мск 31 декабря до 06.00 мск 1 января", "2025-01-01 03:30", "2024-12-31T22:00:00+03:00", "2025-01-01T06:00:00+03:00")]
    // A point in time; a time later than the post is the day before
    [InlineData("Около 7.30 мск пресечена попытка", "2024-11-07 04:58", "2024-11-07T07:30:00+03:00", "2024-11-07T07:30:00+03:00")]
    [InlineData("6 января около 00.30 мск. пресечена попытка", "2024-01-05 22:43", "2024-01-06T00:30:00+03:00", "2024-01-06T00:30:00+03:00")]
    [InlineData("Около 23.40 мск пресечена попытка", "2024-11-07 00:10", "2024-11-06T23:40:00+03:00", "2024-11-06T23:40:00+03:00")]
    // English translations
    [InlineData("From 20:00 MSK on 10 April to 07:00 MSK on 11 April, air defence systems", "2025-04-11 04:30", "2025-04-10T20:00:00+03:00", "2025-04-11T07:00:00+03:00")]
    [InlineData("At about 19:00 Moscow time, air defence systems destroyed", "2025-06-04 18:22", "2025-06-04T19:00:00+03:00", "2025-06-04T19:00:00+03:00")]
    public void A_Moscow_window_is_placed_on_the_calendar_by_the_post_time(string text, string postedUtc, string start, string end)
    {
        var window = TimeWindows.Moscow(text, Utc(postedUtc));
        window.Start.ShouldBe(DateTimeOffset.Parse(start, CultureInfo.InvariantCulture));
        window.End.ShouldBe(DateTimeOffset.Parse(end, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_named_day_without_a_time_is_that_whole_Moscow_day()
    {
        var window = TimeWindows.Moscow("Утром 2 ноября пресечена попытка", Utc("2023-11-02 04:55"));
        window.IsDay.ShouldBeTrue();
        window.Start.ShouldBe(DateTimeOffset.Parse("2023-11-02T00:00:00+03:00", CultureInfo.InvariantCulture));
    }

    [Fact]
    public void A_post_without_a_time_has_an_unknown_window() =>
        TimeWindows.Moscow("В течение прошедшей ночи дежурными средствами ПВО", Utc("2025-02-24 04:18")).IsKnown.ShouldBeFalse();

    [Theory]
    // "As of" a time: the end only (Kyiv time, +02:00 in winter, +03:00 in summer)
    [InlineData("25.12.2023\n(07.00)", "2023-12-25 05:15", null, "2023-12-25T07:00:00+02:00")]
    [InlineData("24.04.2023\n(станом на 18.00)", "2023-04-24 19:40", null, "2023-04-24T18:00:00+03:00")]
    [InlineData("14.05.2023\n(станом 07.00)", "2023-05-14 08:52", null, "2023-05-14T07:00:00+03:00")]
    // Ranges, across midnight with one date or two, short years, dates without a year
    [InlineData("23.01.2023\n(10.00 - 16.00)", "2023-01-23 16:29", "2023-01-23T10:00:00+02:00", "2023-01-23T16:00:00+02:00")]
    [InlineData("17.03-18.03\n(21.00- 01.30)", "2023-03-18 02:20", "2023-03-17T21:00:00+02:00", "2023-03-18T01:30:00+02:00")]
    [InlineData("21.03-22.03.23\n(23.30-04.00)", "2023-03-22 08:15", "2023-03-21T23:30:00+02:00", "2023-03-22T04:00:00+02:00")]
    [InlineData("30.03.-31.03\n(21.10-01.30)", "2023-03-31 07:06", "2023-03-30T21:10:00+03:00", "2023-03-31T01:30:00+03:00")]
    [InlineData("08.05.2023\n22.00\n\n09.05.2023\n04.00", "2023-05-09 07:27", "2023-05-08T22:00:00+03:00", "2023-05-09T04:00:00+03:00")]
    [InlineData("25.12.2023\n(18.00-07.00)", "2023-12-25 05:15", "2023-12-24T18:00:00+02:00", "2023-12-25T07:00:00+02:00")]
    [InlineData("10.02.23\n(18.00 - 23.55)", "2023-02-11 08:57", "2023-02-10T18:00:00+02:00", "2023-02-10T23:55:00+02:00")]
    // A Ukrainian month name in the genitive
    [InlineData("станом на 17:00 08 травня 2023 р.", "2023-05-08 17:46", null, "2023-05-08T17:00:00+03:00")]
    // A date alone: by the end of that day
    [InlineData("08.05.2023", "2023-05-08 07:12", null, "2023-05-09T00:00:00+03:00")]
    public void An_Air_Force_heading_gives_a_Kyiv_window(string heading, string postedUtc, string? start, string end)
    {
        var window = TimeWindows.AirForce(heading, Utc(postedUtc));
        window.Start.ShouldBe(start is null ? null : DateTimeOffset.Parse(start, CultureInfo.InvariantCulture));
        window.End.ShouldBe(DateTimeOffset.Parse(end, CultureInfo.InvariantCulture));
    }

    [Fact]
    public void An_Air_Force_post_over_a_whole_day_covers_that_Kyiv_day()
    {
        var window = TimeWindows.AirForce("15.02.23\n(за добу)", Utc("2023-02-16 08:10"));
        window.IsDay.ShouldBeTrue();
        window.Start.ShouldBe(DateTimeOffset.Parse("2023-02-15T00:00:00+02:00", CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("апреля", 4)]
    [InlineData("квітня", 4)]
    [InlineData("травня", 5)]
    [InlineData("мая", 5)]
    [InlineData("листопада", 11)]
    [InlineData("ноября", 11)]
    [InlineData("грудня", 12)]
    [InlineData("April", 4)]
    [InlineData("Sept.", 9)]
    public void Month_names_are_read_in_Russian_Ukrainian_and_English_in_the_genitive_too(string name, int month) =>
        Months.Parse(name).ShouldBe(month);

    private static DateTimeOffset Utc(string text) =>
        new(DateTime.ParseExact(text, "yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture), TimeSpan.Zero);
}
