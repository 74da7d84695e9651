using System.Globalization;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using TruceWatch.Core.Ledger;
using TruceWatch.Storage.Ledger;

namespace TruceWatch.Storage.Sqlite;

/// <summary>
/// The one path by which the SQLite store appends to the ledger, inside the write transaction that makes the change. SQLite lets one
/// writer in at a time (the store's transactions begin IMMEDIATE), so the head read at the start of a transaction stays the head
/// until it commits. Appends go through one prepared statement driven by position, like <see cref="RawReportInserter"/>.
/// </summary>
internal sealed class SqliteLedger : IDisposable
{
    private const int SqliteRow = 100;
    private const int SqliteDone = 101;

    private const string Insert = "INSERT INTO ledger (sequence, at_text, kind, subject, payload, previous_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)";
    private const string Head = "SELECT sequence, hash FROM ledger ORDER BY sequence DESC LIMIT 1";

    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _insert;
    private readonly sqlite3_stmt _head;
    private readonly TimeProvider _time;
    private long _sequence = -1;
    private string _hash = LedgerChain.Genesis;

    public SqliteLedger(SqliteConnection connection, TimeProvider time)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        _time = time;
        _insert = Prepare(Insert);
        _head = Prepare(Head);
    }

    /// <summary>
    /// Reads the chain's head. Call it at the start of every write transaction, before the first <see cref="Append"/>: another
    /// connection may have appended since the last one committed. (Forgetting is caught, not silent: the next sequence number would
    /// already exist.)
    /// </summary>
    public void ReadHead()
    {
        EnsureTransaction();
        try
        {
            var rc = raw.sqlite3_step(_head);
            if (rc == SqliteRow)
            {
                _sequence = raw.sqlite3_column_int64(_head, 0);
                _hash = raw.sqlite3_column_text(_head, 1).utf8_to_string();
            }
            else if (rc == SqliteDone)
            {
                _sequence = 0;
                _hash = LedgerChain.Genesis;
            }
            else
            {
                throw Error("Reading the ledger head", rc);
            }
        }
        finally
        {
            raw.sqlite3_reset(_head);
        }
    }

    /// <summary>Appends <paramref name="change"/> as the next entry of the chain, on the connection's open transaction.</summary>
    public LedgerEvent Append(LedgerChange change)
    {
        if (_sequence < 0)
        {
            throw new InvalidOperationException("Read the ledger head in this transaction before appending.");
        }

        EnsureTransaction();
        var e = LedgerChain.Next(_sequence, _hash, _time.GetUtcNow(), change.Kind, change.Subject, change.Payload);
        var s = _insert;
        raw.sqlite3_bind_int64(s, 1, e.Sequence);
        raw.sqlite3_bind_text16(s, 2, e.AtText.AsSpan());
        raw.sqlite3_bind_text16(s, 3, e.Kind.AsSpan());
        raw.sqlite3_bind_text16(s, 4, e.Subject.AsSpan());
        raw.sqlite3_bind_text16(s, 5, e.Payload.AsSpan());
        raw.sqlite3_bind_text16(s, 6, e.PreviousHash.AsSpan());
        raw.sqlite3_bind_text16(s, 7, e.Hash.AsSpan());
        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != SqliteDone)
        {
            throw Error(string.Create(CultureInfo.InvariantCulture, $"Appending ledger entry {e.Sequence}"), rc);
        }

        _sequence = e.Sequence;
        _hash = e.Hash;
        return e;
    }

    public void Dispose()
    {
        _insert.Dispose();
        _head.Dispose();
    }

    /// <summary>An entry outside a transaction would be committed on its own, apart from the change it records.</summary>
    private void EnsureTransaction()
    {
        if (raw.sqlite3_get_autocommit(_db) != 0)
        {
            throw new InvalidOperationException("Ledger entries are appended inside the transaction that makes the change; none is open.");
        }
    }

    private sqlite3_stmt Prepare(string sql)
    {
        var rc = raw.sqlite3_prepare_v2(_db, sql, out var statement);
        return rc == 0 ? statement : throw Error("Preparing a ledger statement", rc);
    }

    private SqliteException Error(string what, int rc) => new($"{what} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
}
