using Npgsql;
using NpgsqlTypes;
using TruceWatch.Storage.Edits;
using TruceWatch.Storage.Quarantine;

namespace TruceWatch.Storage.Postgres;

/// <summary>Quarantine review on PostgreSQL: listing rows and recording decisions, each with its ledger entry in one transaction.</summary>
internal static class PostgresQuarantine
{
    public static async Task<IReadOnlyList<QuarantineEntry>> ListAsync(NpgsqlDataSource dataSource, QuarantineStatus? status, int limit, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand(QuarantineRows.Select);
        command.Parameters.Add(new NpgsqlParameter("status", NpgsqlDbType.Text) { Value = status is { } s ? s.ToText() : DBNull.Value });
        command.Parameters.Add(new NpgsqlParameter<int>("limit", limit));
        var list = new List<QuarantineEntry>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            list.Add(QuarantineRows.Read(reader));
        }

        return list;
    }

    public static async Task<QuarantineEntry?> OneAsync(NpgsqlConnection connection, long id, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(QuarantineRows.SelectOne, connection);
        command.Parameters.Add(new NpgsqlParameter<long>("id", id));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? QuarantineRows.Read(reader) : null;
    }

    public static async Task<EditResult<QuarantineEntry>> DecideAsync(
        NpgsqlDataSource dataSource, TimeProvider time, long id, long expectedVersion, QuarantineDecision decision, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        var ledger = await PostgresLedger.BeginAsync(transaction, time, cancellationToken).ConfigureAwait(false);
        int changed;
        await using (var update = new NpgsqlCommand(QuarantineRows.Decide, connection))
        {
            update.Parameters.Add(new NpgsqlParameter<long>("id", id));
            update.Parameters.Add(new NpgsqlParameter<long>("expected_version", expectedVersion));
            update.Parameters.Add(new NpgsqlParameter<string>("status", decision.Status.ToText()));
            update.Parameters.Add(new NpgsqlParameter<string>("decided_by", decision.By));
            update.Parameters.Add(new NpgsqlParameter<DateTime>("decided_at", time.GetUtcNow().UtcDateTime) { NpgsqlDbType = NpgsqlDbType.TimestampTz });
            update.Parameters.Add(new NpgsqlParameter("note", NpgsqlDbType.Text) { Value = string.IsNullOrWhiteSpace(decision.Note) ? DBNull.Value : decision.Note });
            changed = await update.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var now = await OneAsync(connection, id, cancellationToken).ConfigureAwait(false);
        if (now is null)
        {
            return new EditResult<QuarantineEntry>.NotFound(id);
        }

        if (changed == 0)
        {
            return new EditResult<QuarantineEntry>.Conflict(now, expectedVersion);
        }

        ledger.Add(QuarantineRows.Decided(now));
        await ledger.FlushAsync(cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return new EditResult<QuarantineEntry>.Updated(now);
    }
}
