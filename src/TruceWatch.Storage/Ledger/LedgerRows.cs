using System.Data.Common;
using System.Globalization;
using TruceWatch.Core.Ledger;

namespace TruceWatch.Storage.Ledger;

/// <summary>Reads ledger entries back from the <c>ledger</c> table, the same on every backend.</summary>
internal static class LedgerRows
{
    public const string Select = "SELECT sequence, at_text, kind, subject, payload, previous_hash, hash FROM ledger ORDER BY sequence";

    /// <summary>The format of <see cref="LedgerEvent.AtText"/>; parsing exactly it means an entry reads back to the text that was hashed.</summary>
    public const string AtFormat = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>
    /// The entry in the current row, or <c>null</c> with the reason when the row cannot be an entry (a time not in the hashed form, or
    /// a missing field): only someone editing the table by hand can cause that, and verification reports it at that entry.
    /// </summary>
    public static LedgerEvent? Read(DbDataReader row, out string? unreadable)
    {
        var sequence = row.GetInt64(0);
        for (var i = 1; i < 7; i++)
        {
            if (row.IsDBNull(i))
            {
                unreadable = LedgerBreaks.FieldMissing(sequence, row.GetName(i));
                return null;
            }
        }

        var atText = row.GetString(1);
        if (!DateTimeOffset.TryParseExact(atText, AtFormat, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var at))
        {
            unreadable = LedgerBreaks.NotATime(sequence, atText);
            return null;
        }

        unreadable = null;
        return new LedgerEvent(sequence, at, row.GetString(2), row.GetString(3), row.GetString(4), row.GetString(5), row.GetString(6));
    }
}
