using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using SQLitePCL;
using TruceWatch.Core.Reports;

namespace TruceWatch.Storage.Sqlite;

/// <summary>
/// The bulk-import hot path: one prepared INSERT driven through SQLite's C API by parameter position, binding integers as integers
/// and text as UTF-16 spans. Microsoft.Data.Sqlite resolves every parameter by name on every execution and boxes every value, which
/// measured as most of the import's CPU time (docs/benchmarks.md). Runs on the connection's open transaction.
/// </summary>
internal sealed class RawReportInserter : IDisposable
{
    private const int SqliteDone = 101;
    private readonly sqlite3 _db;
    private readonly sqlite3_stmt _statement;
    private readonly nint _dbHandle, _handle;

    public RawReportInserter(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, ReportColumns.InsertPositional, out _statement);
        if (rc != 0)
        {
            throw new SqliteException($"Preparing the report insert failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }

        // Both stay alive as long as this inserter (the statement is disposed with it, the connection outlives it).
        _dbHandle = _db.DangerousGetHandle();
        _handle = _statement.DangerousGetHandle();
    }

    /// <summary>
    /// The work on a report that does not need the database, done ahead on the parsing thread so the writer (the import's bottleneck)
    /// only binds and steps: every text column as UTF-8 (SQLite stores UTF-8; text bound as UTF-16 is converted inside the write, which
    /// measured as a third of the writer's time over a pure-UTF-8 insert) and the payload's SHA-256 for the row and the ledger.
    /// </summary>
    public static Encoded Encode(ReportRecord record)
    {
        var r = record.Report;
        Span<string?> text =
        [
            r.Key.Source, r.Key.SourceRecordId, r.Time.Precision.ToText(), r.Perpetrator?.Value, r.Domain?.ToText(), r.Means?.Value, r.Weapon,
            r.Place.Country, r.Place.Admin1, r.Place.Name, PlacePrecisions.ToText(r.Place.Precision),
            r.Targets.IsDefaultOrEmpty ? null : r.Targets.Length == 1 ? r.Targets[0].Value : string.Join(';', r.Targets), r.Description,
            record.Payload,
        ];
        var length = Encoded.HashLength;
        foreach (var value in text)
        {
            length += value is null ? 0 : Encoding.UTF8.GetByteCount(value);
        }

        var bytes = new byte[length];
        var encoded = new Encoded(bytes);
        var at = 0;
        for (var i = 0; i < text.Length; i++)
        {
            at += text[i] is { } value ? Encoding.UTF8.GetBytes(value, bytes.AsSpan(at)) : 0;
            encoded.End(i, at, isNull: text[i] is null);
        }

        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(encoded.Text(Encoded.Payload), hash);
        Convert.TryToHexStringLower(hash, bytes.AsSpan(at), out var written);
        encoded.End(Encoded.Hash, at + written, isNull: false);
        encoded.PayloadSha256 = Convert.ToHexStringLower(hash);
        return encoded;
    }

    /// <summary>Inserts one report with its <see cref="Encode"/>d parts; false when its (source, source_record_id) is already stored.</summary>
    public bool Insert(long importId, ReportRecord record, Encoded encoded)
    {
        var r = record.Report;
        var s = _handle;
        Text(1, encoded, 0);
        Text(2, encoded, 1);
        SqliteNative.BindInt64(s, 3, importId);
        SqliteNative.BindInt64(s, 4, record.Line);
        Ticks(5, r.ReportedAt);
        Ticks(6, r.Time.Start);
        Ticks(7, r.Time.End);
        Ticks(8, r.Time.Latest);
        Text(9, encoded, 2);
        Text(10, encoded, 3);
        Text(11, encoded, 4);
        Text(12, encoded, 5);
        SqliteNative.BindInt64(s, 13, r.MeansInferred ? 1 : 0);
        Text(14, encoded, 6);
        Int(15, r.Counts.Launched);
        Int(16, r.Counts.Intercepted);
        Int(17, r.Counts.Hits);
        Text(18, encoded, 7);
        Text(19, encoded, 8);
        Text(20, encoded, 9);
        if (r.Place.Point is { } point)
        {
            SqliteNative.BindDouble(s, 21, point.Lat);
            SqliteNative.BindDouble(s, 22, point.Lon);
        }
        else
        {
            SqliteNative.BindNull(s, 21);
            SqliteNative.BindNull(s, 22);
        }

        Text(23, encoded, 10);
        Text(24, encoded, 11);
        Int(25, r.Harm.Killed);
        Int(26, r.Harm.Injured);
        Text(27, encoded, 12);
        Text(28, encoded, Encoded.Payload);
        Text(29, encoded, Encoded.Hash);

        var rc = SqliteNative.Step(s);
        _ = SqliteNative.Reset(s); // its code repeats the step's, checked below
        if (rc != SqliteDone)
        {
            throw new SqliteException($"Inserting report {r.Key} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }

        return SqliteNative.Changes(_dbHandle) == 1;
    }

    public void Dispose() => _statement.Dispose();

    private void Text(int index, Encoded encoded, int column)
    {
        if (encoded.IsNull(column))
        {
            SqliteNative.BindNull(_handle, index);
        }
        else
        {
            SqliteNative.BindText(_handle, index, encoded.Text(column));
        }
    }

    private void Int(int index, int? value)
    {
        if (value is { } v)
        {
            SqliteNative.BindInt64(_handle, index, v);
        }
        else
        {
            SqliteNative.BindNull(_handle, index);
        }
    }

    private void Ticks(int index, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            SqliteNative.BindInt64(_handle, index, v.UtcTicks);
        }
        else
        {
            SqliteNative.BindNull(_handle, index);
        }
    }
}

/// <summary>
/// A report's text columns as UTF-8, one after another in one array, and its payload's SHA-256 (lower-case hex), made by
/// <see cref="RawReportInserter.Encode"/> on the parsing thread.
/// </summary>
internal sealed class Encoded(byte[] bytes)
{
    /// <summary>Where the payload and its hash are among the columns (the others are in <see cref="RawReportInserter.Insert"/>'s order).</summary>
    public const int Payload = 13, Hash = 14;

    /// <summary>The hash's length in bytes as hex text.</summary>
    public const int HashLength = 64;

    private Columns _ends;
    private int _nulls;

    /// <summary>The payload's SHA-256 as lower-case hex.</summary>
    public string PayloadSha256 { get; set; } = "";

    /// <summary>Whether column <paramref name="column"/> is null (SQL NULL, not empty text).</summary>
    public bool IsNull(int column) => (_nulls & (1 << column)) != 0;

    /// <summary>Column <paramref name="column"/>'s UTF-8 bytes: from where the one before it ends to where it ends.</summary>
    public ReadOnlySpan<byte> Text(int column)
    {
        var start = column == 0 ? 0 : _ends[column - 1];
        return bytes.AsSpan(start, _ends[column] - start);
    }

    /// <summary>Records that column <paramref name="column"/> ends at <paramref name="end"/> (where it began, for a null one).</summary>
    public void End(int column, int end, bool isNull)
    {
        _ends[column] = end;
        _nulls |= isNull ? 1 << column : 0;
    }

    [InlineArray(Hash + 1)]
    private struct Columns
    {
        private int _end;
    }
}
