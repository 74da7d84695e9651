namespace TruceWatch.Core.Reports;

/// <summary>
/// When a reported event happened, as precisely as the source said: a start, an optional end, and the precision of both.
/// The event lies somewhere in [<see cref="Earliest"/>, <see cref="Latest"/>].
/// </summary>
public readonly record struct ReportedTime
{
    private readonly DateTimeOffset _latest;

    /// <summary>A time whose day-precision values are calendar days in Kyiv time (the zone Ukrainian sources count in).</summary>
    public ReportedTime(DateTimeOffset start, DateTimeOffset? end, TimePrecision precision)
        : this(start, end, precision, IsoTime.Kyiv)
    {
    }

    /// <summary>A time whose day-precision values are calendar days in <paramref name="dayZone"/>, so a 23- or 25-hour day spans exactly that.</summary>
    public ReportedTime(DateTimeOffset start, DateTimeOffset? end, TimePrecision precision, TimeZoneInfo dayZone)
    {
        Validate(start, end, precision);
        Start = start;
        End = end;
        Precision = precision;
        _latest = LatestOf(end ?? start, precision, dayZone);
    }

    private ReportedTime(DateTimeOffset start, DateTimeOffset? end, TimePrecision precision, DateTimeOffset latest)
    {
        Validate(start, end, precision);
        if (latest < (end ?? start))
        {
            throw new ArgumentException($"Latest {latest:O} is before the reported time.", nameof(latest));
        }

        Start = start;
        End = end;
        Precision = precision;
        _latest = latest;
    }

    /// <summary>A time as a store kept it, with its latest moment as computed when it was read in.</summary>
    public static ReportedTime Restore(DateTimeOffset start, DateTimeOffset? end, TimePrecision precision, DateTimeOffset latest) =>
        new(start, end, precision, latest);

    /// <summary>A time the source did not give.</summary>
    public static ReportedTime Unknown => default;

    public DateTimeOffset? Start { get; }

    public DateTimeOffset? End { get; }

    public TimePrecision Precision { get; }

    public bool IsKnown => Start.HasValue;

    /// <summary>The earliest moment the event may have happened.</summary>
    public DateTimeOffset? Earliest => Start;

    /// <summary>The latest moment the event may have happened: the end as given, widened by the precision (a day-only end covers that whole day).</summary>
    public DateTimeOffset? Latest => Start.HasValue ? _latest : null;

    /// <summary>
    /// Whether the span the event may lie in overlaps [<paramref name="from"/>, <paramref name="to"/>) (open where a bound is <c>null</c>);
    /// an unknown time overlaps only the unbounded period. The stores apply the same rule in SQL.
    /// </summary>
    public bool Overlaps(DateTimeOffset? from, DateTimeOffset? to)
    {
        if (from is null && to is null)
        {
            return true;
        }

        return Earliest is { } earliest && Latest is { } latest && (from is not { } f || latest >= f) && (to is not { } t || earliest < t);
    }

    private static void Validate(DateTimeOffset start, DateTimeOffset? end, TimePrecision precision)
    {
        if (precision == TimePrecision.Unknown)
        {
            throw new ArgumentException("A known time needs a precision.", nameof(precision));
        }

        if (end is { } e && e < start)
        {
            throw new ArgumentException($"End {e:O} is before start {start:O}.", nameof(end));
        }
    }

    private static DateTimeOffset LatestOf(DateTimeOffset last, TimePrecision precision, TimeZoneInfo dayZone)
    {
        if (precision == TimePrecision.Day)
        {
            var day = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(last, dayZone).DateTime);
            return IsoTime.StartOfDay(day.AddDays(1), dayZone) - TimeSpan.FromTicks(1);
        }

        return precision is TimePrecision.Second ? last : last + precision.Span() - TimeSpan.FromTicks(1);
    }
}
