using System.Buffers;
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
    private readonly char[] _payloadSha256 = new char[64];

    public RawReportInserter(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, ReportColumns.InsertPositional, out _statement);
        if (rc != 0)
        {
            throw new SqliteException($"Preparing the report insert failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }
    }

    /// <summary>The SHA-256 (lower-case hex) of the payload of the report last offered to <see cref="Insert"/>.</summary>
    public ReadOnlySpan<char> LastPayloadSha256 => _payloadSha256;

    /// <summary>Inserts one report; false when its (source, source_record_id) is already stored.</summary>
    public bool Insert(long importId, ReportRecord record)
    {
        var r = record.Report;
        var s = _statement;
        Text(1, r.Key.Source);
        Text(2, r.Key.SourceRecordId);
        raw.sqlite3_bind_int64(s, 3, importId);
        raw.sqlite3_bind_int64(s, 4, record.Line);
        Ticks(5, r.ReportedAt);
        Ticks(6, r.Time.Start);
        Ticks(7, r.Time.End);
        Ticks(8, r.Time.Latest);
        Text(9, r.Time.Precision.ToText());
        Text(10, r.Perpetrator?.Value);
        Text(11, r.Domain?.ToText());
        Text(12, r.Means?.Value);
        raw.sqlite3_bind_int(s, 13, r.MeansInferred ? 1 : 0);
        Text(14, r.Weapon);
        Int(15, r.Counts.Launched);
        Int(16, r.Counts.Intercepted);
        Int(17, r.Counts.Hits);
        Text(18, r.Place.Country);
        Text(19, r.Place.Admin1);
        Text(20, r.Place.Name);
        if (r.Place.Point is { } point)
        {
            raw.sqlite3_bind_double(s, 21, point.Lat);
            raw.sqlite3_bind_double(s, 22, point.Lon);
        }
        else
        {
            raw.sqlite3_bind_null(s, 21);
            raw.sqlite3_bind_null(s, 22);
        }

        Text(23, PlacePrecisions.ToText(r.Place.Precision));
        Text(24, r.Targets.IsDefaultOrEmpty ? null : r.Targets.Length == 1 ? r.Targets[0].Value : string.Join(';', r.Targets));
        Int(25, r.Harm.Killed);
        Int(26, r.Harm.Injured);
        Text(27, r.Description);
        BindPayloadAndHash(28, 29, record.Payload);

        var rc = raw.sqlite3_step(s);
        raw.sqlite3_reset(s);
        if (rc != SqliteDone)
        {
            throw new SqliteException($"Inserting report {r.Key} failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }

        return raw.sqlite3_changes(_db) == 1;
    }

    public void Dispose() => _statement.Dispose();

    private void Text(int index, string? value)
    {
        if (value is null)
        {
            raw.sqlite3_bind_null(_statement, index);
        }
        else
        {
            raw.sqlite3_bind_text16(_statement, index, value.AsSpan());
        }
    }

    private void Int(int index, int? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int(_statement, index, v);
        }
        else
        {
            raw.sqlite3_bind_null(_statement, index);
        }
    }

    private void Ticks(int index, DateTimeOffset? value)
    {
        if (value is { } v)
        {
            raw.sqlite3_bind_int64(_statement, index, v.UtcTicks);
        }
        else
        {
            raw.sqlite3_bind_null(_statement, index);
        }
    }

    /// <summary>Binds the payload as UTF-8 and its SHA-256 from the same encoded bytes, so the text is converted once; the hash is kept for the ledger.</summary>
    private void BindPayloadAndHash(int payloadIndex, int hashIndex, string payload)
    {
        var max = Encoding.UTF8.GetMaxByteCount(payload.Length);
        var rented = max > 2048 ? ArrayPool<byte>.Shared.Rent(max) : null;
        try
        {
            Span<byte> bytes = rented ?? stackalloc byte[2048];
            var length = Encoding.UTF8.GetBytes(payload, bytes);
            var utf8 = bytes[..length];
            raw.sqlite3_bind_text(_statement, payloadIndex, utf8);
            Span<byte> hash = stackalloc byte[32];
            SHA256.HashData(utf8, hash);
            Convert.TryToHexStringLower(hash, _payloadSha256, out _);
            raw.sqlite3_bind_text16(_statement, hashIndex, _payloadSha256);
        }
        finally
        {
            if (rented is not null)
            {
                ArrayPool<byte>.Shared.Return(rented);
            }
        }
    }
}
