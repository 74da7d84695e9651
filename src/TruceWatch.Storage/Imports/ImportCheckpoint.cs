using System.Data.Common;

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

    /// <summary>Runs <see cref="FindSql"/>, its two parameters bound by the backend's command, and reads the checkpoint it finds.</summary>
    public static async Task<ImportCheckpoint?> FindAsync(DbCommand find, CancellationToken cancellationToken)
    {
        await using var reader = await find.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new ImportCheckpoint(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2), reader.GetInt64(3), reader.GetInt64(4))
            : null;
    }

    /// <summary>The SQL that moves the checkpoint with a committed batch (parameters: rows_read, accepted, duplicates, quarantined, id).</summary>
    public const string SaveSql = "UPDATE imports SET rows_read = $1, accepted = $2, duplicates = $3, quarantined = $4 WHERE id = $5";
}
