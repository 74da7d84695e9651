namespace TruceWatch.Storage.Edits;

/// <summary>
/// The outcome of an edit under optimistic concurrency: every editable record carries a version, an edit names the version it was
/// made against, and it lands only if the record is still at that version. Otherwise the caller gets the record as it now is, to show
/// the person what changed, never a silent overwrite.
/// </summary>
public abstract record EditResult<T>
{
    private EditResult()
    {
    }

    /// <summary>The edit landed; <see cref="Value"/> is the record after it, with its new version.</summary>
    public sealed record Updated(T Value) : EditResult<T>;

    /// <summary>Someone else changed the record first; <see cref="Current"/> is how it is now.</summary>
    public sealed record Conflict(T Current, long ExpectedVersion) : EditResult<T>;

    /// <summary>No such record.</summary>
    public sealed record NotFound(long Id) : EditResult<T>;
}
