namespace TruceWatch.Storage.Imports;

/// <summary>
/// Where an unfinished import stands: the rows its committed batches took and the counts so far. A re-run of the same file continues
/// from here: the first <see cref="RowsRead"/> rows are read again but not stored again.
/// </summary>
internal sealed record ImportCheckpoint(long ImportId, long RowsRead, long Accepted, long Duplicates, long Quarantined)
{
    public ImportProgress Progress => new(RowsRead, Accepted, Duplicates, Quarantined);

    /// <summary>The SQL that finds the latest unfinished import of the same bytes in the same format (both backends; parameters 1 and 2).</summary>
    public const string FindSql =
        "SELECT id, rows_read, accepted, duplicates, quarantined FROM imports " +
        "WHERE content_sha256 = $1 AND format = $2 AND finished_at IS NULL ORDER BY id DESC LIMIT 1";

    /// <summary>The SQL that moves the checkpoint with a committed batch (parameters: rows_read, accepted, duplicates, quarantined, id).</summary>
    public const string SaveSql = "UPDATE imports SET rows_read = $1, accepted = $2, duplicates = $3, quarantined = $4 WHERE id = $5";
}
