using System.Globalization;

namespace TruceWatch.Core.Reports;

/// <summary>An ISO 8601 duration (<c>P30D</c>, <c>PT30H</c>, <c>P1M</c>, <c>P2W</c>) applied in calendar terms: a month is a calendar month.</summary>
public readonly record struct IsoDuration(int Years, int Months, int Days, int Hours, int Minutes, int Seconds)
{
    public static bool TryParse(string? text, out IsoDuration duration)
    {
        duration = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().ToUpperInvariant();
        if (s.Length < 3 || s[0] != 'P')
        {
            return false;
        }

        int years = 0, months = 0, days = 0, hours = 0, minutes = 0, seconds = 0;
        var inTime = false;
        var number = 0;
        var digits = 0;
        var any = false;
        for (var i = 1; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsAsciiDigit(c))
            {
                if (digits > 6)
                {
                    return false;
                }

                number = (number * 10) + (c - '0');
                digits++;
                continue;
            }

            if (c == 'T')
            {
                if (inTime || digits > 0)
                {
                    return false;
                }

                inTime = true;
                continue;
            }

            if (digits == 0)
            {
                return false;
            }

            switch (inTime, c)
            {
                case (false, 'Y'): years = number; break;
                case (false, 'M'): months = number; break;
                case (false, 'W'): days += number * 7; break;
                case (false, 'D'): days += number; break;
                case (true, 'H'): hours = number; break;
                case (true, 'M'): minutes = number; break;
                case (true, 'S'): seconds = number; break;
                default: return false;
            }

            any = true;
            number = 0;
            digits = 0;
        }

        if (!any || digits > 0)
        {
            return false;
        }

        duration = new IsoDuration(years, months, days, hours, minutes, seconds);
        return true;
    }

    /// <summary>Adds the duration to an instant; false when the result would leave the calendar (years 1–9999).</summary>
    public bool TryAddTo(DateTimeOffset start, out DateTimeOffset end)
    {
        try
        {
            end = AddTo(start);
            return true;
        }
        catch (ArgumentOutOfRangeException)
        {
            end = default;
            return false;
        }
    }

    /// <summary>Adds the duration to an instant, calendar parts first, keeping the instant's offset.</summary>
    public DateTimeOffset AddTo(DateTimeOffset start) =>
        start.AddYears(Years).AddMonths(Months).AddDays(Days).AddHours(Hours).AddMinutes(Minutes).AddSeconds(Seconds);

    public override string ToString()
    {
        var date = $"{(Years > 0 ? $"{Years}Y" : "")}{(Months > 0 ? $"{Months}M" : "")}{(Days > 0 ? $"{Days}D" : "")}";
        var time = $"{(Hours > 0 ? $"{Hours}H" : "")}{(Minutes > 0 ? $"{Minutes}M" : "")}{(Seconds > 0 ? $"{Seconds}S" : "")}";
        return date.Length + time.Length == 0
            ? "P0D"
            : string.Create(CultureInfo.InvariantCulture, $"P{date}{(time.Length > 0 ? "T" + time : "")}");
    }
}
