using System.Data.Common;
using System.Globalization;
using TruceWatch.Storage.Ledger;

namespace TruceWatch.Storage.Quarantine;

/// <summary>Reads quarantined rows back, and the ledger change a decision appends; the same on every backend.</summary>
internal static class QuarantineRows
{
    public const string Columns = "id, import_id, format, file_name, line, reason, payload, status, version, decided_by, decided_at, note";

    /// <summary>The rows, newest import first, optionally of one status; parameters <c>@status</c> (or NULL) and <c>@limit</c>.</summary>
    public const string Select = "SELECT " + Columns + " FROM quarantine WHERE (@status IS NULL OR status = @status) ORDER BY import_id DESC, line, id LIMIT @limit";

    public const string SelectOne = "SELECT " + Columns + " FROM quarantine WHERE id = @id";

    /// <summary>The decision's update, for <see cref="Edits.Optimistic"/>: parameters <c>@status, @decided_by, @decided_at, @note</c>.</summary>
    public static readonly string Decide = Edits.Optimistic.Update("quarantine", "status = @status, decided_by = @decided_by, decided_at = @decided_at, note = @note");

    public static QuarantineEntry Read(DbDataReader row)
    {
        // The schema's CHECK allows only known statuses.
        var status = QuarantineStatuses.TryParse(row.GetString(7), out var s) ? s : throw new InvalidDataException($"quarantine row {row.GetInt64(0)} has an unknown status");
        return new QuarantineEntry(row.GetInt64(0), row.GetInt64(1), row.GetString(2), row.GetString(3), row.GetInt64(4), row.GetString(5), row.GetString(6))
        {
            Status = status,
            Version = row.GetInt64(8),
            DecidedBy = row.IsDBNull(9) ? null : row.GetString(9),
            DecidedAt = row.IsDBNull(10) ? null : row.GetFieldValue<DateTimeOffset>(10),
            Note = row.IsDBNull(11) ? null : row.GetString(11),
        };
    }

    /// <summary>The ledger entry of a decision: which row, the version it produced, and the decision.</summary>
    public static LedgerChange Decided(QuarantineEntry after) =>
        new("quarantine.decision", string.Create(CultureInfo.InvariantCulture, $"quarantine:{after.Id}"), ImportChanges.Write(w =>
        {
            w.WriteNumber("version", after.Version);
            w.WriteString("status", after.Status.ToText());
            w.WriteString("by", after.DecidedBy);
            w.WriteString("note", after.Note);
        }));
}
