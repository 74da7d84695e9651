namespace TruceWatch.Core.Reports;

/// <summary>
/// When a reported event happened, as precisely as the source said: a start, an optional end, and the precision of both.
/// The event lies somewhere in [<see cref="Earliest"/>, <see cref="Latest"/>].
/// </summary>
public readonly record struct ReportedTime
{
    public ReportedTime(DateTimeOffset start, DateTimeOffset? end, TimePrecision precision)
    {
        if (precision == TimePrecision.Unknown)
        {
            throw new ArgumentException("A known time needs a precision.", nameof(precision));
        }

        if (end is { } e && e < start)
        {
            throw new ArgumentException($"End {e:O} is before start {start:O}.", nameof(end));
        }

        Start = start;
        End = end;
        Precision = precision;
    }

    /// <summary>A time the source did not give.</summary>
    public static ReportedTime Unknown => default;

    public DateTimeOffset? Start { get; }

    public DateTimeOffset? End { get; }

    public TimePrecision Precision { get; }

    public bool IsKnown => Start.HasValue;

    /// <summary>The earliest moment the event may have happened.</summary>
    public DateTimeOffset? Earliest => Start;

    /// <summary>The latest moment the event may have happened: the end as given, widened by the precision (a day-only end covers that whole day).</summary>
    public DateTimeOffset? Latest
    {
        get
        {
            if (Start is not { } start)
            {
                return null;
            }

            var last = End ?? start;
            return Precision is TimePrecision.Second
                ? last
                : last + Precision.Span() - TimeSpan.FromTicks(1);
        }
    }
}
