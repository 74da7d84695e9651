using TruceWatch.Core.Reports;

namespace TruceWatch.Ingest.Formats;

/// <summary>
/// The times a report can describe: not before 1990 (a date in 1900 is a typing or a spreadsheet error) and not after the moment of
/// import plus two days (time zones and a source's clock: no more). Every adapter checks its event times against it, so an absurd date
/// is quarantined with its column named rather than judged.
/// </summary>
internal readonly struct PlausibleTime
{
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private readonly DateTimeOffset _latest;

    private PlausibleTime(DateTimeOffset latest) => _latest = latest;

    /// <summary>The bounds for an import that starts now on <paramref name="clock"/>.</summary>
    public static PlausibleTime Now(TimeProvider clock) => new(clock.GetUtcNow().AddDays(2));

    /// <summary>Whether <paramref name="value"/> lies inside the bounds.</summary>
    public bool Contains(DateTimeOffset value) => value >= Earliest && value <= _latest;

    /// <summary>Adds a problem naming <paramref name="column"/> when <paramref name="value"/> lies outside the bounds; true when it lies inside.</summary>
    public bool Check(DateTimeOffset value, string column, List<string> errors)
    {
        if (value < Earliest)
        {
            errors.Add($"{column} {IsoTime.Format(value)} is before 1990");
            return false;
        }

        if (value > _latest)
        {
            errors.Add($"{column} {IsoTime.Format(value)} is in the future (after {IsoTime.Format(_latest)})");
            return false;
        }

        return true;
    }
}
