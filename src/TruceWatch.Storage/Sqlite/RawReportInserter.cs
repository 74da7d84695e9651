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

    public RawReportInserter(SqliteConnection connection)
    {
        _db = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        var rc = raw.sqlite3_prepare_v2(_db, ReportColumns.InsertPositional, out _statement);
        if (rc != 0)
        {
            throw new SqliteException($"Preparing the report insert failed: {raw.sqlite3_errmsg(_db).utf8_to_string()}", rc);
        }
    }

    /// <summary>
    /// The work on a report that does not need the database, done ahead on the parsing thread so the writer (the import's bottleneck)
    /// only binds and steps: the payload and description as UTF-8, and the payload's SHA-256 for the row and the ledger.
    /// </summary>
    public static Encoded Encode(ReportRecord record)
    {
        var payload = Encoding.UTF8.GetBytes(record.Payload);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(payload, hash);
        var description = record.Report.Description is { } d ? Encoding.UTF8.GetBytes(d) : null;
        return new Encoded(payload, description, Convert.ToHexStringLower(hash));
    }

    /// <summary>Inserts one report with its <see cref="Encode"/>d parts; false when its (source, source_record_id) is already stored.</summary>
    public bool Insert(long importId, ReportRecord record, Encoded encoded)
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
        if (encoded.Description is { } description)
        {
            raw.sqlite3_bind_text(s, 27, description);
        }
        else
        {
            raw.sqlite3_bind_null(s, 27);
        }

        raw.sqlite3_bind_text(s, 28, encoded.Payload);
        raw.sqlite3_bind_text16(s, 29, encoded.PayloadSha256.AsSpan());

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
}

/// <summary>A report's payload and description as UTF-8 and the payload's SHA-256 (lower-case hex), made by <see cref="RawReportInserter.Encode"/>.</summary>
internal sealed record Encoded(byte[] Payload, byte[]? Description, string PayloadSha256);
