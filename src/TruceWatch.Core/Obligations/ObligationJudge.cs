using System.Globalization;
using TruceWatch.Core.Agreements;
using TruceWatch.Core.Geography;

namespace TruceWatch.Core.Obligations;

/// <summary>Where a positive duty stands.</summary>
public enum ObligationStatus
{
    Met,
    Pending,
    Missed,

    /// <summary>TruceWatch has no data to tell (the detail says which).</summary>
    Unknown,
}

/// <summary>One obligation's status on a day, with the facts behind it.</summary>
public sealed record ObligationAssessment(string AgreementId, string ObligationId, string Kind, ObligationStatus Status, string Detail);

/// <summary>
/// Judges obligations on a given day, purely from the exchanges announced and the map: N-for-N exchanges by the exchanges under their
/// reference, all-for-all by the exchanges inside the agreement's window, the cease-fire line by the change of occupied area between
/// the window's first day and its last (or today).
/// </summary>
public static class ObligationJudge
{
    /// <param name="agreement">The agreement whose obligations are judged.</param>
    /// <param name="exchanges">The prisoner exchanges announced.</param>
    /// <param name="map">The map with the occupied area by date, for the cease-fire line.</param>
    /// <param name="today">The day to judge on (Kyiv days).</param>
    /// <param name="notifications">The parties' published incident reports, for notification duties; <c>null</c> when none are loaded.</param>
    public static IReadOnlyList<ObligationAssessment> Assess(
        Agreement agreement, IReadOnlyList<Exchange> exchanges, IGeography? map, DateOnly today, IReadOnlyList<Notification>? notifications = null) =>
        [.. agreement.Obligations.Select(o => o.Kind switch
        {
            Obligation.PrisonerExchange => PrisonerExchange(agreement, o, exchanges, today),
            Obligation.CeaseFireLine => CeaseFireLine(agreement, o, map, today),
            Obligation.Notify when notifications is not null => Notify(agreement, o, notifications, today),
            _ => new ObligationAssessment(agreement.Id, o.Id, o.Kind, ObligationStatus.Unknown, $"no {o.Kind} records are kept yet{(o.Within is null ? "" : $" (due within {o.Within})")}"),
        })];

    private static ObligationAssessment PrisonerExchange(Agreement agreement, Obligation o, IReadOnlyList<Exchange> exchanges, DateOnly today)
    {
        var due = o.By is { } by ? DateOnly.FromDateTime(by.UtcDateTime) : (DateOnly?)null;
        if (o.Count is { } n)
        {
            var done = exchanges.Where(e => e.IsCarriedOut && e.Ref == o.Ref && e.Date <= today).OrderBy(e => e.Date).ToList();
            int toUa = 0, toRu = 0;
            foreach (var e in done)
            {
                toUa += e.ReturnedToUa ?? 0;
                toRu += e.ReturnedToRu ?? 0;
                if (toUa >= n && toRu >= n)
                {
                    return Result(ObligationStatus.Met, Text($"{n}-for-{n} ({o.Ref}): {toUa} returned to UA and {toRu} to RU in {done.IndexOf(e) + 1} stage(s) by {e.Date:yyyy-MM-dd}"));
                }
            }

            var progress = Text($"{n}-for-{n} ({o.Ref}): {toUa} returned to UA and {toRu} to RU so far in {done.Count} stage(s)");
            return due is { } d && today > d ? Result(ObligationStatus.Missed, progress + Text($"; due by {d:yyyy-MM-dd}")) : Result(ObligationStatus.Pending, progress);
        }

        // All-for-all cannot be shown met without the parties' full lists: the exchanges under its reference (or, without one, inside the
        // window) are its progress.
        var inWindow = exchanges.Where(e => e.IsCarriedOut && e.Date <= today && (o.Ref is { } r ? e.Ref == r : InWindows(agreement, e.Date))).ToList();
        var summary = Text($"all-for-all{(o.Ref is null ? "" : $" ({o.Ref})")}: {inWindow.Sum(e => e.ReturnedToUa ?? 0)} returned to UA and {inWindow.Sum(e => e.ReturnedToRu ?? 0)} to RU in {inWindow.Count} exchange(s){(o.Ref is null ? " within the window" : "")}");
        var ended = agreement.Windows.Count > 0 && agreement.Windows.All(w => w.End is { } end && DateOnly.FromDateTime(end.UtcDateTime) <= today);
        return ended && inWindow.Count == 0
            ? Result(ObligationStatus.Missed, summary + "; the window has ended")
            : Result(ObligationStatus.Pending, summary + "; whether all were exchanged needs the parties' full lists");

        ObligationAssessment Result(ObligationStatus status, string detail) => new(agreement.Id, o.Id, o.Kind, status, detail);
    }

    /// <summary>
    /// A duty to report incidents <see cref="Obligation.Within"/> (default a day): for every day of the agreement's windows, each party
    /// must have published an incident report (its daily statement) no later than that long after the day's end. Missed as soon as a day
    /// passes its deadline with none from a party (the first such day is named); met when every window has ended and every day was
    /// reported; pending while a window runs. Unknown when no statement of a party is loaded, or a day lies outside the span of the
    /// party's statements that are: silence in the data is not silence of the party.
    /// </summary>
    private static ObligationAssessment Notify(Agreement agreement, Obligation o, IReadOnlyList<Notification> notifications, DateOnly today)
    {
        ObligationAssessment Result(ObligationStatus status, string detail) => new(agreement.Id, o.Id, o.Kind, status, detail);
        var within = Reports.IsoDuration.TryParse(o.Within ?? "P1D", out var period) ? period : new Reports.IsoDuration(0, 0, 1, 0, 0, 0);
        var windows = agreement.Windows.Where(w => w.Start is not null).ToList();
        if (windows.Count == 0)
        {
            return Result(ObligationStatus.Unknown, "the terms give no window to report on");
        }

        var firstMissed = new List<string>();
        var reported = 0;
        var missing = new List<string>();
        var uncovered = new List<string>();
        foreach (var party in agreement.Parties)
        {
            var posted = notifications.Where(n => n.Party == party).Select(n => n.PostedAt).Order().ToArray();
            if (posted.Length == 0)
            {
                missing.Add(party.Value);
                continue;
            }

            foreach (var window in windows)
            {
                for (var day = KyivDay(window.Start!.Value); window.End is not { } end || day <= KyivDay(end.AddTicks(-1)); day = day.AddDays(1))
                {
                    var dayStart = Reports.IsoTime.StartOfDay(day, Reports.IsoTime.Kyiv);
                    var deadline = within.AddTo(Reports.IsoTime.StartOfDay(day.AddDays(1), Reports.IsoTime.Kyiv));
                    if (KyivDay(deadline) >= today)
                    {
                        break;
                    }

                    if (dayStart < posted[0] || deadline > posted[^1])
                    {
                        // Outside the span of the party's statements loaded: the data cannot tell silence from a gap in the data.
                        uncovered.Add(Text($"{party.Value}'s statements loaded span {Reports.IsoTime.FormatKyiv(posted[0])} – {Reports.IsoTime.FormatKyiv(posted[^1])}, not {day:yyyy-MM-dd}"));
                        break;
                    }

                    var i = Array.BinarySearch(posted, dayStart);
                    var next = i >= 0 ? i : ~i;
                    if (next < posted.Length && posted[next] <= deadline)
                    {
                        reported++;
                    }
                    else
                    {
                        firstMissed.Add(Text($"{party.Value} published no incident report for {day:yyyy-MM-dd} by {Reports.IsoTime.FormatKyiv(deadline)}"));
                        break;
                    }
                }
            }
        }

        if (firstMissed.Count > 0)
        {
            return Result(ObligationStatus.Missed, string.Join("; ", firstMissed));
        }

        if (missing.Count > 0)
        {
            return Result(ObligationStatus.Unknown, $"no statements of {string.Join(", ", missing)} are loaded");
        }

        if (uncovered.Count > 0)
        {
            return Result(ObligationStatus.Unknown, string.Join("; ", uncovered));
        }

        var ended = windows.All(w => w.End is { } end && KyivDay(within.AddTo(end)) < today);
        var summary = Text($"{reported} party-day(s) reported within {o.Within ?? "P1D"}, none late");
        return reported > 0 && ended ? Result(ObligationStatus.Met, summary)
            : Result(ObligationStatus.Pending, reported == 0 ? Text($"no day of the window has reached its deadline (within {o.Within ?? "P1D"})") : summary + "; the window runs on");
    }

    private static ObligationAssessment CeaseFireLine(Agreement agreement, Obligation o, IGeography? map, DateOnly today)
    {
        ObligationAssessment Result(ObligationStatus status, string detail) => new(agreement.Id, o.Id, o.Kind, status, detail);
        var first = agreement.Windows.Where(w => w.Start is not null).Select(w => w.Start!.Value).DefaultIfEmpty().Min();
        if (agreement.Windows.Count == 0 || first == default)
        {
            return Result(ObligationStatus.Unknown, "the terms give no start to measure the line from");
        }

        var started = agreement.Windows.Where(w => w.Start is { } start && KyivDay(start) <= today).ToList();
        if (started.Count == 0)
        {
            return Result(ObligationStatus.Pending, Text($"not in force yet: the line is held from {KyivDay(first):yyyy-MM-dd}"));
        }

        var results = new List<(DateOnly From, DateOnly To, double? Change)>();
        foreach (var w in started)
        {
            var from = KyivDay(w.Start!.Value);
            var to = w.End is { } end && KyivDay(end) < today ? KyivDay(end) : today;
            var before = map?.OccupiedAreaKm2(from);
            var after = map?.OccupiedAreaKm2(to);
            results.Add((from, to, before is { } b && after is { } a ? a - b : null));
        }

        if (results.Any(r => r.Change is null))
        {
            return Result(ObligationStatus.Unknown, "no front-line snapshot covers the window");
        }

        var worst = results.MaxBy(r => Math.Abs(r.Change!.Value));
        var change = worst.Change!.Value;
        var detail = Text($"occupied area {(change >= 0 ? "grew" : "shrank")} by {Math.Abs(change):N0} km² from {worst.From:yyyy-MM-dd} to {worst.To:yyyy-MM-dd} (the front-line snapshots in force on those days) (tolerance {o.ToleranceKm2:N0} km²; DeepStateMap)");
        if (Math.Abs(change) > o.ToleranceKm2)
        {
            return Result(ObligationStatus.Missed, detail + (change > 0 ? ": Russian-held territory grew" : ": Ukrainian forces regained ground"));
        }

        var open = agreement.Windows.Any(w => w.End is not { } end || DateOnly.FromDateTime(end.UtcDateTime) >= today);
        return Result(open ? ObligationStatus.Pending : ObligationStatus.Met, detail + (open ? ": held so far" : ": held"));
    }

    /// <summary>The calendar day (Kyiv) of a moment: front-line snapshots are dated by the day they show.</summary>
    private static DateOnly KyivDay(DateTimeOffset moment) => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(moment, Reports.IsoTime.Kyiv).DateTime);

    private static bool InWindows(Agreement agreement, DateOnly day) =>
        agreement.Windows.Count == 0 || agreement.Windows.Any(w =>
            (w.Start is not { } s || day >= DateOnly.FromDateTime(s.UtcDateTime)) && (w.End is not { } e || day <= DateOnly.FromDateTime(e.UtcDateTime)));

    private static string Text(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
