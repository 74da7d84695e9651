using System.Globalization;
using System.Text.RegularExpressions;
using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Statements;

/// <summary>
/// Reads the time window a statement gives and places it on the calendar with the help of the post's own time. Bare times and day-month dates
/// take their date and year from the post: a window is never after the post that reports it, so a time later than the post is the day before,
/// and a start later than its end began the day before (a window across midnight).
/// </summary>
public static partial class TimeWindows
{
    /// <summary>Moscow time, which the Russian MoD writes as "мск".</summary>
    public static readonly TimeZoneInfo MoscowZone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    /// <summary>A post may come a little before the end of the window it names ("as of 07:00" posted at 06:58).</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromMinutes(30);

    /// <summary>The window of a Russian MoD post (Moscow time): "С 20.00 мск 10 апреля до 07.00 мск 11 апреля", "около 7.30 мск", "Утром 2 ноября".</summary>
    public static StatementWindow Moscow(string text, DateTimeOffset postedAt)
    {
        var posted = TimeZoneInfo.ConvertTime(postedAt, MoscowZone);
        if (MoscowRange().Match(text) is { Success: true } range)
        {
            var lead = Date(range.Groups["ld"], range.Groups["lm"], range.Groups["ly"], posted);
            var startDate = Date(range.Groups["sd"], range.Groups["sm"], range.Groups["sy"], posted) ?? lead;
            var endDate = Date(range.Groups["ed"], range.Groups["em"], range.Groups["ey"], posted) ?? lead;
            var start = range.Groups["midnight"].Success ? TimeOnly.MinValue : Time(range.Groups["sh"], range.Groups["sn"]);
            return Between(start, startDate, Time(range.Groups["eh"], range.Groups["en"]), endDate, posted, MoscowZone);
        }

        if (MoscowPoint().Match(text) is { Success: true } point)
        {
            var date = Date(point.Groups["d"], point.Groups["m"], point.Groups["y"], posted) ?? Date(point.Groups["d2"], point.Groups["m2"], point.Groups["y2"], posted);
            var at = At(date, Time(point.Groups["h"], point.Groups["n"]), posted, MoscowZone);
            return new StatementWindow(at, at, MoscowZone);
        }

        if (MoscowHour().Match(text) is { Success: true } hour && int.Parse(hour.Groups["h"].ValueSpan, CultureInfo.InvariantCulture) is var h and < 24)
        {
            // "в районе 4 часов утра", "около 9 часов вечера": a point on the hour; "вечера" and "дня" are after noon.
            var afternoon = hour.Groups["part"].Success && !hour.Groups["part"].Value.StartsWith("утр", StringComparison.OrdinalIgnoreCase)
                && !hour.Groups["part"].Value.StartsWith("ноч", StringComparison.OrdinalIgnoreCase) && h < 12;
            var date = Date(hour.Groups["d"], hour.Groups["m"], hour.Groups["y"], posted);
            var at = At(date, new TimeOnly(afternoon ? h + 12 : h, 0), posted, MoscowZone);
            return new StatementWindow(at, at, MoscowZone);
        }

        if (DayOnly().Match(text) is { Success: true } day && Date(day.Groups["d"], day.Groups["m"], day.Groups["y"], posted) is { } only)
        {
            return Day(only, MoscowZone);
        }

        return new StatementWindow(null, null, MoscowZone);
    }

    /// <summary>
    /// The window of a Ukrainian Air Force post (Kyiv time), from its heading: "25.12.2023 (07.00)" (as of 07:00: the end only),
    /// "23.01.2023 (10.00 - 16.00)", "17.03-18.03 (21.00- 01.30)", "15.02.23 (за добу)" (that whole day), "станом на 17:00 08 травня 2023 р.".
    /// </summary>
    public static StatementWindow AirForce(string heading, DateTimeOffset postedAt)
    {
        var zone = IsoTime.Kyiv;
        var posted = TimeZoneInfo.ConvertTime(postedAt, zone);
        var dates = new List<DateOnly>(2);
        var rest = NumericDateRange().Replace(heading, m =>
        {
            var year = YearOf(m.Groups["y"], posted);
            dates.Add(MakeDate(year, m.Groups["m1"].Success ? Int(m.Groups["m1"]) : Int(m.Groups["m2"]), Int(m.Groups["d1"]), posted));
            dates.Add(MakeDate(year, Int(m.Groups["m2"]), Int(m.Groups["d2"]), posted));
            return " ";
        });
        rest = NumericDate().Replace(rest, m =>
        {
            dates.Add(MakeDate(YearOf(m.Groups["y"], posted), Int(m.Groups["m"]), Int(m.Groups["d"]), posted));
            return " ";
        });
        rest = WordDate().Replace(rest, m =>
        {
            if (Date(m.Groups["d"], m.Groups["m"], m.Groups["y"], posted) is { } d)
            {
                dates.Add(d);
            }

            return " ";
        });

        var times = new List<TimeOnly>(2);
        foreach (Match m in ClockTime().Matches(rest))
        {
            if (Time(m.Groups["h"], m.Groups["n"]) is { } t)
            {
                times.Add(t);
            }
        }

        var today = DateOnly.FromDateTime(posted.DateTime);
        var first = dates.Count > 0 ? dates[0] : today;
        if (times.Count >= 2)
        {
            var (startDate, endDate) = dates.Count >= 2 && dates[1] >= dates[0] ? (dates[0], dates[1]) : (first, first);
            if (dates.Count < 2 && times[1] < times[0])
            {
                // One date over a window across midnight: the date is the morning's when it is the post's day, else the evening's.
                (startDate, endDate) = first >= today ? (first.AddDays(-1), first) : (first, first.AddDays(1));
            }

            var (from, to) = (Local(startDate, times[0], zone), Local(endDate, times[1], zone));

            // Two headings that do not make one window ("06.05 (станом на 08.00) 04.05 (02.30)"): the first is the statement's "as of".
            return from <= to ? new StatementWindow(from, to, zone) : new StatementWindow(null, Local(first, times[0], zone), zone);
        }

        if (times.Count == 1)
        {
            return new StatementWindow(null, Local(first, times[0], zone), zone);
        }

        if (WholeDay().IsMatch(rest))
        {
            return Day(first, zone);
        }

        // A date alone: the statement speaks of what happened by the end of that day.
        return dates.Count > 0 ? new StatementWindow(null, IsoTime.StartOfDay(first.AddDays(1), zone), zone) : new StatementWindow(null, null, zone);
    }

    private static StatementWindow Day(DateOnly date, TimeZoneInfo zone) =>
        new(IsoTime.StartOfDay(date, zone), IsoTime.StartOfDay(date.AddDays(1), zone), zone, IsDay: true);

    private static StatementWindow Between(TimeOnly? start, DateOnly? startDate, TimeOnly? end, DateOnly? endDate, DateTimeOffset posted, TimeZoneInfo zone)
    {
        if (start is not { } s || end is not { } e)
        {
            return new StatementWindow(null, null, zone);
        }

        DateTimeOffset endAt;
        if (endDate is { } ed)
        {
            endAt = Local(ed, e, zone);
        }
        else if (startDate is { } sd0)
        {
            endAt = Local(e < s ? sd0.AddDays(1) : sd0, e, zone);
        }
        else
        {
            endAt = At(null, e, posted, zone)!.Value;
        }

        var endDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(endAt, zone).DateTime);
        var startAt = Local(startDate ?? (s > e ? endDay.AddDays(-1) : endDay), s, zone);
        return startAt <= endAt ? new StatementWindow(startAt, endAt, zone) : new StatementWindow(null, endAt, zone);
    }

    /// <summary>A time on a given day, or, without a day, on the post's day unless that would be after the post (then the day before).</summary>
    private static DateTimeOffset? At(DateOnly? date, TimeOnly? time, DateTimeOffset posted, TimeZoneInfo zone)
    {
        if (time is not { } t)
        {
            return null;
        }

        if (date is { } d)
        {
            return Local(d, t, zone);
        }

        var today = DateOnly.FromDateTime(posted.DateTime);
        var at = Local(today, t, zone);
        return at > posted + Slack ? Local(today.AddDays(-1), t, zone) : at;
    }

    private static DateTimeOffset Local(DateOnly date, TimeOnly time, TimeZoneInfo zone) =>
        IsoTime.InZone(date.ToDateTime(time, DateTimeKind.Unspecified), zone);

    private static TimeOnly? Time(Group hour, Group minute)
    {
        if (!hour.Success || !minute.Success)
        {
            return null;
        }

        var h = Int(hour);
        var m = Int(minute);
        return h == 24 && m == 0 ? new TimeOnly(23, 59) : h < 24 && m < 60 ? new TimeOnly(h, m) : null;
    }

    /// <summary>A day and month name; the year is the post's, or the one before when that would put the day well after the post.</summary>
    private static DateOnly? Date(Group day, Group month, Group year, DateTimeOffset posted)
    {
        if (!day.Success || !month.Success || Months.Parse(month.Value) is not { } m)
        {
            return null;
        }

        var y = year.Success ? Int(year) : posted.Year;
        var d = Int(day);
        if (d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        var date = new DateOnly(y, m, d);
        return !year.Success && date > DateOnly.FromDateTime(posted.DateTime).AddDays(1) ? date.AddYears(-1) : date;
    }

    private static DateOnly MakeDate(int year, int month, int day, DateTimeOffset posted)
    {
        month = Math.Clamp(month, 1, 12);
        return new DateOnly(year, month, Math.Clamp(day, 1, DateTime.DaysInMonth(year, month)));
    }

    private static int YearOf(Group year, DateTimeOffset posted) =>
        !year.Success ? posted.Year : year.Value.Length == 2 ? 2000 + Int(year) : Int(year);

    private static int Int(Group g) => int.Parse(g.ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture);

    private const string Msk = @"(?:\s*(?:мск|msk|moscow time|по московскому времени)\b\.?)?";
    private const string Clock = @"(\d{1,2})[.:](\d{2})";

    [GeneratedRegex(@"(?:(?<ld>\d{1,2})\s+(?<lm>" + "январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]|january|february|march|april|may|june|july|august|september|october|november|december" + @")(?:\s+(?<ly>\d{4}))?(?:\s*(?:г\.|года|т\.\s?г\.))*\s+(?:в период\s+)?)?(?:\b[сc]|\bfrom|\bbetween)\s+(?:(?<sh>\d{1,2})[.:](?<sn>\d{2})|(?<midnight>полуночи|midnight))" + Msk + @"(?:,?\s*(?:on\s+)?(?<sd>\d{1,2})\s+(?<sm>\p{L}+)(?:\s+(?<sy>\d{4}))?)?\s*(?:до|по|to|until|and|-)\s+(?<eh>\d{1,2})[.:](?<en>\d{2})" + Msk + @"(?:,?\s*(?:on\s+)?(?<ed>\d{1,2})\s+(?<em>\p{L}+)(?:\s+(?<ey>\d{4}))?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoscowRange();

    [GeneratedRegex(@"(?:(?<d>\d{1,2})\s+(?<m>\p{L}+)(?:\s+(?<y>\d{4}))?(?:\s*(?:г\.|года|т\.\s?г\.))*,?\s+)?(?:около|в районе|примерно в|в|at about|at around|around|about|at)\s+(?<h>\d{1,2})[.:](?<n>\d{2})" + Msk + @"(?:,?\s*(?:on\s+)?(?<d2>\d{1,2})\s+(?<m2>\p{L}+)(?:\s+(?<y2>\d{4}))?)?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoscowPoint();

    [GeneratedRegex(@"(?:(?<d>\d{1,2})\s+(?<m>\p{L}+)(?:\s+(?<y>\d{4}))?(?:\s*(?:г\.|года|т\.\s?г\.))*,?\s+)?(?:около|в районе|примерно в)\s+(?<h>\d{1,2})\s+час\w*(?:\s+(?<part>утра|дня|вечера|ночи))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex MoscowHour();

    [GeneratedRegex(@"\b(?<d>\d{1,2})\s+(?<m>январ[ья]|феврал[ья]|марта?|апрел[ья]|ма[йя]|июн[ья]|июл[ья]|августа?|сентябр[ья]|октябр[ья]|ноябр[ья]|декабр[ья]|january|february|march|april|may|june|july|august|september|october|november|december)\b(?:\s+(?<y>\d{4}))?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex DayOnly();

    [GeneratedRegex(@"(?<!\d)(?<d1>\d{1,2})\.(?:(?<m1>0?[1-9]|1[0-2])\.?)?\s*-\s*(?<d2>\d{1,2})\.(?<m2>0?[1-9]|1[0-2])(?:\.(?<y>\d{4}|\d{2}))?(?![\d.:])")]
    private static partial Regex NumericDateRange();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\.(?<m>\d{1,2})\.(?<y>\d{4}|\d{2})(?!\d)")]
    private static partial Regex NumericDate();

    [GeneratedRegex(@"(?<!\d)(?<d>\d{1,2})\s+(?<m>\p{L}+)\s+(?<y>\d{4})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WordDate();

    [GeneratedRegex(@"(?<!\d)(?<h>\d{1,2})[.:](?<n>\d{2})(?!\d)")]
    private static partial Regex ClockTime();

    [GeneratedRegex(@"за добу|за сутки|over the day|past day|24 hours", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WholeDay();
}
