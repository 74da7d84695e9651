using System.Globalization;
using System.Runtime.CompilerServices;

namespace TruceWatch.Core.Reports;

/// <summary>
/// Parses ISO 8601 instants and keeps the precision they were written with. A date alone is a whole day in a given time zone;
/// any time of day must carry its offset (<c>Z</c> or <c>±hh:mm</c>).
/// </summary>
public static class IsoTime
{
    /// <summary>Kyiv time: the zone Ukrainian sources count days in.</summary>
    public static readonly TimeZoneInfo Kyiv = FindZone("Europe/Kyiv", "Europe/Kiev");

    private static readonly string[] OffsetFormats =
    [
        "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd HH:mm:sszzz", "yyyy-MM-dd HH:mmzzz",
    ];

    /// <summary>Parses <paramref name="text"/>; a bare date means the start of that day in <paramref name="dayZone"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryParse(ReadOnlySpan<char> text, TimeZoneInfo dayZone, out DateTimeOffset value, out TimePrecision precision, out string? error)
    {
        text = text.Trim();
        value = default;
        precision = TimePrecision.Unknown;
        error = null;
        if (text.IsEmpty)
        {
            error = "empty time";
            return false;
        }

        if (text.Length == 10)
        {
            if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                error = $"'{text}' is not a date (YYYY-MM-DD)";
                return false;
            }

            value = StartOfDay(date, dayZone);
            precision = TimePrecision.Day;
            return true;
        }

        if (TryParseCommon(text, out value, out precision))
        {
            return true;
        }

        Span<char> buffer = stackalloc char[text.Length + 5];
        var normalized = NormalizeZulu(text, buffer);
        if (!DateTimeOffset.TryParseExact(normalized, OffsetFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out value))
        {
            error = HasOffset(text)
                ? $"'{text}' is not an ISO 8601 time (YYYY-MM-DDThh:mm[:ss]±hh:mm)"
                : $"'{text}' has no UTC offset (write e.g. {text}+02:00 or {text}Z)";
            return false;
        }

        var timePart = text[11..];
        var colons = timePart.Count(':') - (HasColonOffset(text) ? 1 : 0);
        precision = colons >= 2 ? TimePrecision.Second : TimePrecision.Minute;
        return true;
    }

    /// <summary>
    /// The forms nearly every file uses, parsed without the general parser: <c>yyyy-MM-ddTHH:mm[:ss](Z|±hh:mm)</c>. Anything else
    /// (fractions, a space for T, odd widths) falls through to <see cref="DateTimeOffset.TryParseExact(string, string[], IFormatProvider, DateTimeStyles, out DateTimeOffset)"/>.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryParseCommon(ReadOnlySpan<char> t, out DateTimeOffset value, out TimePrecision precision)
    {
        value = default;
        precision = TimePrecision.Unknown;
        var hasSeconds = t.Length is 20 or 25;
        var zulu = t.Length is 17 or 20;
        if (t.Length is not (17 or 20 or 22 or 25) || t[4] != '-' || t[7] != '-' || t[10] != 'T' || t[13] != ':')
        {
            return false;
        }

        var zoneAt = hasSeconds ? 19 : 16;
        if (hasSeconds && t[16] != ':')
        {
            return false;
        }

        if (!Digits(t, 0, 4, out var year) || !Digits(t, 5, 2, out var month) || !Digits(t, 8, 2, out var day)
            || !Digits(t, 11, 2, out var hour) || !Digits(t, 14, 2, out var minute))
        {
            return false;
        }

        var second = 0;
        if (hasSeconds && !Digits(t, 17, 2, out second))
        {
            return false;
        }

        var offset = TimeSpan.Zero;
        if (zulu)
        {
            if (t[zoneAt] != 'Z')
            {
                return false;
            }
        }
        else
        {
            if ((t[zoneAt] != '+' && t[zoneAt] != '-') || t[zoneAt + 3] != ':'
                || !Digits(t, zoneAt + 1, 2, out var offsetHours) || !Digits(t, zoneAt + 4, 2, out var offsetMinutes)
                || offsetHours > 14 || offsetMinutes > 59)
            {
                return false;
            }

            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (t[zoneAt] == '-')
            {
                offset = -offset;
            }
        }

        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        value = new DateTimeOffset(year, month, day, hour, minute, second, offset);
        precision = hasSeconds ? TimePrecision.Second : TimePrecision.Minute;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Digits(ReadOnlySpan<char> t, int start, int count, out int number)
    {
        number = 0;
        for (var i = start; i < start + count; i++)
        {
            var d = t[i] - '0';
            if ((uint)d > 9)
            {
                return false;
            }

            number = (number * 10) + d;
        }

        return true;
    }

    /// <summary>The first instant of <paramref name="date"/> in <paramref name="zone"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }

    /// <summary>A wall-clock time in <paramref name="zone"/> as an instant.</summary>
    public static DateTimeOffset InZone(DateTime local, TimeZoneInfo zone)
    {
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        return new DateTimeOffset(unspecified, zone.GetUtcOffset(unspecified));
    }

    /// <summary>Formats an instant as Kyiv wall-clock time with its offset (<c>+02:00</c> or <c>+03:00</c>), to the second: the same instant, shown as monitors read it.</summary>
    public static string FormatKyiv(DateTimeOffset value) => Format(TimeZoneInfo.ConvertTime(value, Kyiv));

    /// <summary>Formats an instant with its offset, to the second.</summary>
    public static string Format(DateTimeOffset value) => value.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static ReadOnlySpan<char> NormalizeZulu(ReadOnlySpan<char> text, Span<char> buffer)
    {
        if (text[^1] is 'Z' or 'z')
        {
            text[..^1].CopyTo(buffer);
            "+00:00".AsSpan().CopyTo(buffer[(text.Length - 1)..]);
            return buffer[..(text.Length + 5)];
        }

        return text;
    }

    private static bool HasOffset(ReadOnlySpan<char> text) =>
        text[^1] is 'Z' or 'z' || (text.Length > 16 && (text[^6] is '+' or '-') && text[^3] == ':');

    private static bool HasColonOffset(ReadOnlySpan<char> text) => text.Length > 16 && (text[^6] is '+' or '-') && text[^3] == ':';

    private static TimeZoneInfo FindZone(params string[] ids)
    {
        foreach (var id in ids)
        {
            if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone))
            {
                return zone;
            }
        }

        throw new InvalidOperationException($"Time zone {ids[0]} is not installed (install the tzdata package).");
    }
}
