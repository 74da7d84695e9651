using System.Data;
using Npgsql;
using NpgsqlTypes;
using TruceWatch.Core.Ledger;
using TruceWatch.Storage.Ledger;

namespace TruceWatch.Storage.Postgres;

/// <summary>
/// The one path by which the PostgreSQL store appends to the ledger, inside the transaction that makes the change. Writers on every
/// node queue on one advisory lock taken first in the transaction, so each reads a head no one else can move before it commits, and
/// concurrent imports interleave whole batches. Entries are computed here in .NET and written with one binary COPY per transaction.
/// </summary>
internal sealed class PostgresLedger
{
    /// <summary>The advisory lock every ledger writer holds until it commits: "TWLedger" in ASCII.</summary>
    public const long LockKey = 0x5457_4C65_6467_6572;

    private const string Copy = "COPY ledger (sequence, at_text, kind, subject, payload, previous_hash, hash) FROM STDIN (FORMAT BINARY)";

    private readonly NpgsqlConnection _connection;
    private readonly TimeProvider _time;
    private readonly List<LedgerEvent> _pending = [];
    private long _sequence;
    private string _hash;

    private PostgresLedger(NpgsqlConnection connection, TimeProvider time, long sequence, string hash)
    {
        _connection = connection;
        _time = time;
        _sequence = sequence;
        _hash = hash;
    }

    /// <summary>
    /// Takes the ledger lock for the rest of <paramref name="transaction"/> and reads the head. Call it first in the transaction:
    /// a writer that took row locks before queueing here could deadlock with one holding the ledger lock.
    /// </summary>
    public static async Task<PostgresLedger> BeginAsync(NpgsqlTransaction transaction, TimeProvider time, CancellationToken cancellationToken)
    {
        // Under READ COMMITTED each statement sees what was committed before it started, so the head read after the lock is granted
        // is the previous holder's last entry. A transaction-wide snapshot (REPEATABLE READ) could predate that commit.
        if (transaction.IsolationLevel is not (IsolationLevel.ReadCommitted or IsolationLevel.Unspecified))
        {
            throw new InvalidOperationException($"Ledger writers run in READ COMMITTED transactions, not {transaction.IsolationLevel}.");
        }

        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction is already over.");
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({LockKey})", connection))
        {
            await lockCommand.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await using var head = new NpgsqlCommand("SELECT sequence, hash FROM ledger ORDER BY sequence DESC LIMIT 1", connection);
        await using var reader = await head.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        return await reader.ReadAsync(cancellationToken).ConfigureAwait(false)
            ? new PostgresLedger(connection, time, reader.GetInt64(0), reader.GetString(1))
            : new PostgresLedger(connection, time, 0, LedgerChain.Genesis);
    }

    /// <summary>Chains <paramref name="change"/> as the next entry; it is written by <see cref="FlushAsync"/>, before the commit.</summary>
    public LedgerEvent Add(LedgerChange change)
    {
        var e = LedgerChain.Next(_sequence, _hash, _time.GetUtcNow(), change.Kind, change.Subject, change.Payload);
        _pending.Add(e);
        _sequence = e.Sequence;
        _hash = e.Hash;
        return e;
    }

    /// <summary>Writes the entries added since the last flush.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        if (_pending.Count == 0)
        {
            return;
        }

        await using (var writer = await _connection.BeginBinaryImportAsync(Copy, cancellationToken).ConfigureAwait(false))
        {
            foreach (var e in _pending)
            {
                await writer.StartRowAsync(cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(e.Sequence, NpgsqlDbType.Bigint, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(e.AtText, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(e.Kind, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(e.Subject, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(e.Payload, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(e.PreviousHash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
                await writer.WriteAsync(e.Hash, NpgsqlDbType.Text, cancellationToken).ConfigureAwait(false);
            }

            await writer.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }

        _pending.Clear();
    }
}
