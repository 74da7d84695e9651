using TruceWatch.Core.Reports;

namespace TruceWatch.Storage;

/// <summary>Reads a <c>--from</c> / <c>--to</c> pair: ISO 8601 times with offset, or dates (a whole day in Kyiv time; <c>to</c> includes its day).</summary>
public static class Period
{
    public static bool TryParse(string? from, string? to, out ReportQuery query, out string? error)
    {
        query = ReportQuery.All;
        error = null;
        DateTimeOffset? start = null, end = null;
        if (!string.IsNullOrWhiteSpace(from))
        {
            if (!IsoTime.TryParse(from, IsoTime.Kyiv, out var value, out _, out var e))
            {
                error = $"from: {e}";
                return false;
            }

            start = value;
        }

        if (!string.IsNullOrWhiteSpace(to))
        {
            if (!IsoTime.TryParse(to, IsoTime.Kyiv, out var value, out var precision, out var e))
            {
                error = $"to: {e}";
                return false;
            }

            end = precision == TimePrecision.Day ? IsoTime.StartOfDay(DateOnly.FromDateTime(value.DateTime).AddDays(1), IsoTime.Kyiv) : value;
        }

        if (start is { } s && end is { } en && en <= s)
        {
            error = "to must be after from";
            return false;
        }

        query = new ReportQuery(start, end);
        return true;
    }
}
