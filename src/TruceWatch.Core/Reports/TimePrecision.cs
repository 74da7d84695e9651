namespace TruceWatch.Core.Reports;

/// <summary>How precisely a source gave a time. Kept next to the value so that a day-only report is never read as midnight.</summary>
public enum TimePrecision
{
    Unknown,
    Day,
    Hour,
    Minute,
    Second,
}

/// <summary>Text forms and spans of <see cref="TimePrecision"/>.</summary>
public static class TimePrecisions
{
    public static string ToText(this TimePrecision precision) => precision switch
    {
        TimePrecision.Day => "day",
        TimePrecision.Hour => "hour",
        TimePrecision.Minute => "minute",
        TimePrecision.Second => "second",
        _ => "unknown",
    };

    /// <summary>The length of time a single value of this precision stands for.</summary>
    public static TimeSpan Span(this TimePrecision precision) => precision switch
    {
        TimePrecision.Day => TimeSpan.FromDays(1),
        TimePrecision.Hour => TimeSpan.FromHours(1),
        TimePrecision.Minute => TimeSpan.FromMinutes(1),
        TimePrecision.Second => TimeSpan.FromSeconds(1),
        _ => TimeSpan.Zero,
    };

    public static TimePrecision Parse(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "day" => TimePrecision.Day,
        "hour" => TimePrecision.Hour,
        "minute" => TimePrecision.Minute,
        "second" => TimePrecision.Second,
        _ => TimePrecision.Unknown,
    };
}
