using Microsoft.Data.Sqlite;
using TruceWatch.Storage.Edits;
using TruceWatch.Storage.Quarantine;

namespace TruceWatch.Storage.Sqlite;

/// <summary>Quarantine review on SQLite: listing rows and recording decisions, each with its ledger entry in one transaction.</summary>
internal static class SqliteQuarantine
{
    public static async Task<IReadOnlyList<QuarantineEntry>> ListAsync(SqliteConnection connection, QuarantineStatus? status, int limit, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = QuarantineRows.Select;
        command.Parameters.AddWithValue("@status", status is { } s ? s.ToText() : DBNull.Value);
        command.Parameters.AddWithValue("@limit", limit);
        var list = new List<QuarantineEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(QuarantineRows.Read(reader));
        }

        return list;
    }

    public static async Task<QuarantineEntry?> OneAsync(SqliteConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = QuarantineRows.SelectOne;
        command.Parameters.AddWithValue("@id", id);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? QuarantineRows.Read(reader) : null;
    }

    public static async Task<EditResult<QuarantineEntry>> DecideAsync(
        SqliteConnection connection, TimeProvider time, long id, long expectedVersion, QuarantineDecision decision, CancellationToken cancellationToken)
    {
        // IMMEDIATE: the write lock is taken before the ledger head is read, so no other writer can move it before the commit.
        using var transaction = connection.BeginTransaction(deferred: false);
        using var ledger = new SqliteLedger(connection, time);
        ledger.ReadHead();
        await using (var update = connection.CreateCommand())
        {
            update.Transaction = transaction;
            update.CommandText = QuarantineRows.Decide;
            update.Parameters.AddWithValue("@id", id);
            update.Parameters.AddWithValue("@expected_version", expectedVersion);
            update.Parameters.AddWithValue("@status", decision.Status.ToText());
            update.Parameters.AddWithValue("@decided_by", decision.By);
            update.Parameters.AddWithValue("@decided_at", ReportColumns.Text(time.GetUtcNow()));
            update.Parameters.AddWithValue("@note", string.IsNullOrWhiteSpace(decision.Note) ? DBNull.Value : decision.Note);
            var changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            var now = await OneAsync(connection, id, cancellationToken).ConfigureAwait(false);
            if (now is null)
            {
                return new EditResult<QuarantineEntry>.NotFound(id);
            }

            if (changed == 0)
            {
                return new EditResult<QuarantineEntry>.Conflict(now, expectedVersion);
            }

            ledger.Append(QuarantineRows.Decided(now));
            transaction.Commit();
            return new EditResult<QuarantineEntry>.Updated(now);
        }
    }
}
