namespace TruceWatch.Storage.Quarantine;

/// <summary>Where a quarantined row stands in review.</summary>
public enum QuarantineStatus
{
    /// <summary>Waiting for someone to look at it (every row starts here).</summary>
    Open,

    /// <summary>Looked at and set aside: not a report, junk, a duplicate under another key (the note says which).</summary>
    Dismissed,

    /// <summary>Fixed at the source and imported again (the note says where).</summary>
    Corrected,
}

/// <summary>The status names as stored and shown.</summary>
public static class QuarantineStatuses
{
    public static string ToText(this QuarantineStatus status) => status switch
    {
        QuarantineStatus.Open => "open",
        QuarantineStatus.Dismissed => "dismissed",
        QuarantineStatus.Corrected => "corrected",
        _ => throw new ArgumentOutOfRangeException(nameof(status), status, null),
    };

    public static bool TryParse(string? text, out QuarantineStatus status)
    {
        (var ok, status) = text switch
        {
            "open" => (true, QuarantineStatus.Open),
            "dismissed" => (true, QuarantineStatus.Dismissed),
            "corrected" => (true, QuarantineStatus.Corrected),
            _ => (false, QuarantineStatus.Open),
        };
        return ok;
    }

    public const string Names = "open, dismissed, corrected";
}
