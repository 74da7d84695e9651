using TruceWatch.Core.Agreements;
using TruceWatch.Core.Reports;
using YamlDotNet.RepresentationModel;
using static TruceWatch.Core.Terms.TermsNodes;

namespace TruceWatch.Core.Terms;

/// <summary>
/// Reads the <c>window</c> of the terms: one mapping or a list of them, each with <c>start</c> and/or <c>end</c> (or <c>start</c> and
/// <c>duration</c>), an optional <c>zone</c> (IANA, e.g. <c>Europe/Moscow</c>) in which times without an offset are read, DST-correctly,
/// and an optional <c>name</c>.
/// </summary>
internal static class TermsWindows
{
    private static readonly string[] Keys = ["start", "end", "duration", "zone", "name"];

    public static List<AgreementWindow> Parse(YamlNode node, TermsDiagnostics errors)
    {
        var windows = new List<AgreementWindow>();
        IEnumerable<YamlNode> items = node is YamlSequenceNode seq ? seq.Children : [node];
        if (node is YamlSequenceNode { Children.Count: 0 })
        {
            errors.Add(node.Start, "window is an empty list; omit it for terms that always apply");
        }

        foreach (var item in items)
        {
            if (One(item, errors) is { } window)
            {
                if (windows.FindIndex(w => Overlap(w, window)) is var other and >= 0)
                {
                    errors.Warn(item.Start, $"window {windows.Count + 1} overlaps window {other + 1} ({windows[other]}): an incident in both is judged once, " +
                        "so one of them says less than it seems; merge them or check the dates");
                }

                windows.Add(window);
            }
        }

        return windows;
    }

    /// <summary>Whether two windows share a moment (start inclusive, end exclusive, open where a bound is missing).</summary>
    internal static bool Overlap(AgreementWindow a, AgreementWindow b) =>
        (a.End is not { } aEnd || b.Start is not { } bStart || bStart < aEnd) && (b.End is not { } bEnd || a.Start is not { } aStart || aStart < bEnd);

    private static AgreementWindow? One(YamlNode node, TermsDiagnostics errors)
    {
        if (node is not YamlMappingNode map)
        {
            errors.Add(node.Start, "a window must be a mapping: { start: …, end: … } or { start: …, duration: P30D }, optionally with zone and name");
            return null;
        }

        CheckKeys(map, Keys, "window", errors);

        TimeZoneInfo? zone = null;
        string? zoneId = null;
        if (Value(map, "zone") is { } zoneNode)
        {
            zoneId = Scalar(zoneNode);
            if (zoneId is null || !TimeZoneInfo.TryFindSystemTimeZoneById(zoneId, out zone))
            {
                errors.Add(zoneNode.Start, $"zone '{zoneId}' is not a time zone (IANA names such as Europe/Kyiv, Europe/Moscow)");
                zoneId = null;
            }
        }

        var startNode = Value(map, "start");
        var endNode = Value(map, "end");
        var durationNode = Value(map, "duration");
        var start = startNode is null ? null : Instant(startNode, "start", zone, errors);
        DateTimeOffset? end = null;
        if (startNode is null && endNode is null)
        {
            errors.Add(map.Start, "a window needs a start, an end, or both (open on the side left out)");
        }

        if (endNode is not null && durationNode is not null)
        {
            errors.Add(durationNode.Start, "give either 'end' or 'duration', not both");
        }
        else if (endNode is not null)
        {
            end = Instant(endNode, "end", zone, errors);
        }
        else if (durationNode is not null && startNode is not null)
        {
            // (Without a start, and so without an end, the window was already reported as having neither.)
            if (!IsoDuration.TryParse(Scalar(durationNode), out var duration))
            {
                errors.Add(durationNode.Start, $"duration '{Scalar(durationNode)}' is not an ISO 8601 duration (e.g. P30D, PT30H, P1M)");
            }
            else if (start is { } s)
            {
                end = AddDuration(s, duration, zone, durationNode, errors);
            }
        }

        if (start is { } st && end is { } en && en <= st)
        {
            errors.Add((endNode ?? durationNode)!.Start, "the window ends before it starts");
        }

        var name = Value(map, "name") is { } nameNode ? Scalar(nameNode) : null;
        return start is null && end is null ? null : new AgreementWindow(start, end, zoneId, name);
    }

    /// <summary>
    /// A time with an offset as written; without one, a wall-clock time in the window's zone (the offset in force then, so summer and
    /// winter time are right); a bare date is the start of that day in the zone.
    /// </summary>
    private static DateTimeOffset? Instant(YamlNode node, string name, TimeZoneInfo? zone, TermsDiagnostics errors)
    {
        var text = Scalar(node)?.Trim();
        if (text is null)
        {
            errors.Add(node.Start, $"{name} must be a time");
            return null;
        }

        if (IsoTime.TryParse(text, zone ?? IsoTime.Kyiv, out var value, out var precision, out var error) && (precision != TimePrecision.Day || zone is not null))
        {
            return value;
        }

        if (zone is not null && DateTime.TryParseExact(text, ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd HH:mm", "yyyy-MM-dd HH:mm:ss"],
                System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var local))
        {
            if (zone.IsInvalidTime(local))
            {
                errors.Add(node.Start, $"{name} '{text}' does not exist in {zone.Id} (the clocks skip it)");
                return null;
            }

            if (zone.IsAmbiguousTime(local))
            {
                var read = IsoTime.InZone(local, zone);
                errors.Warn(node.Start, $"{name} '{text}' happens twice in {zone.Id} (the clocks go back); it is read as {IsoTime.Format(read)}, " +
                    "the second time; write the offset to say which");
                return read;
            }

            return IsoTime.InZone(local, zone);
        }

        errors.Add(node.Start, zone is null
            ? $"{name} '{text}' must be an ISO 8601 time with offset (e.g. 2025-03-18T00:00:00+02:00), or give the window a zone{(error is null ? "" : $": {error}")}"
            : $"{name} '{text}' is not a time (e.g. 2025-04-19T18:00, read in {zone.Id})");
        return null;
    }

    /// <summary>Calendar parts (years, months, days) are added on the wall clock of the zone, so "P30D" ends at the same local hour.</summary>
    private static DateTimeOffset? AddDuration(DateTimeOffset start, IsoDuration duration, TimeZoneInfo? zone, YamlNode node, TermsDiagnostics errors)
    {
        var from = zone is null ? start : TimeZoneInfo.ConvertTime(start, zone);
        if (!duration.TryAddTo(from, out var end))
        {
            errors.Add(node.Start, $"duration '{Scalar(node)}' runs past the end of the calendar");
            return null;
        }

        return zone is null ? end : IsoTime.InZone(end.DateTime, zone);
    }
}
